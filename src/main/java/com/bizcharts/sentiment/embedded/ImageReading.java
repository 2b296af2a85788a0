package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.image.Thumbnail;

import java.nio.file.Path;

/**
 * What the image signal made of a post's thumbnail.
 *
 * @param probabilities bearish, neutral, bullish; null unless {@code status} is USED
 * @param detail        a short note for the drivers list (e.g. "pink 0.41"), or empty
 */
public record ImageReading(ImageStatus status, double[] probabilities, String detail) {

    public ImageReading {
        if ((status == ImageStatus.USED) != (probabilities != null))
            throw new IllegalArgumentException("an image reading has probabilities exactly when the image was used");
    }

    public static ImageReading absent(ImageStatus why) {
        return new ImageReading(why, null, "");
    }

    /** Turns a thumbnail into a reading; never throws on a bad file, it reports the status instead. */
    @FunctionalInterface
    public interface Source {
        ImageReading read(Path image);

        /** From the thumbnail the model already decoded; sources that can use it override this to skip a decode. */
        default ImageReading readDecoded(Thumbnail thumbnail) {
            return read(thumbnail.path());
        }
    }
}
