package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.image.Thumbnail;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The image signal: a classifier over {@link ThumbnailFeatures} once a model was trained with enough labeled
 * thumbnails; until then a deliberately weak prior from colour alone (red and pink lean bearish, green leans bullish,
 * at most 0.15 away from uniform), so a thumbnail nudges a verdict and only a strongly opposite text reads as
 * sarcastic. Never throws on a bad file; it reports the status.
 */
public final class ThumbnailSignal implements ImageReading.Source {

    private static final double MAX_LEAN = 0.15;

    private final LinearClassifier classifier;

    /** The colour prior. */
    public ThumbnailSignal() {
        this(null);
    }

    /** @param classifier trained on labeled thumbnails' features, or null for the colour prior */
    public ThumbnailSignal(LinearClassifier classifier) {
        this.classifier = classifier;
    }

    public boolean trained() {
        return classifier != null;
    }

    @Override
    public ImageReading read(Path image) {
        return readDecoded(Thumbnail.read(image));
    }

    @Override
    public ImageReading readDecoded(Thumbnail thumbnail) {
        ThumbnailFeatures.Result r = ThumbnailFeatures.of(thumbnail);
        if (r.status() != ImageStatus.USED) return ImageReading.absent(r.status());
        double[] f = r.features();
        if (classifier != null) {
            return new ImageReading(ImageStatus.USED, classifier.probabilities(SparseVector.dense(f)), "(trained image model)");
        }
        double bearish = f[0] + f[2], bullish = f[1];
        double lean = MAX_LEAN * Math.tanh(4 * (bullish - bearish));
        double[] p = {1.0 / 3 - lean, 1.0 / 3, 1.0 / 3 + lean};
        return new ImageReading(ImageStatus.USED, p, String.format(Locale.ROOT, "(green %.2f, red %.2f, pink %.2f)", f[1], f[0], f[2]));
    }
}
