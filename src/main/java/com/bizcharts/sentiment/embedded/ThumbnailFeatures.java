package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.image.Thumbnail;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a thumbnail into a few colour features, or says why it could not: missing file, a format that is not a
 * still image (webm, pdf, swf), or a file that does not decode. The features are the meme signals /biz/ reposts:
 * red and pink (pink wojak, red candles), green (green candles), brightness, saturation and edge density.
 */
public final class ThumbnailFeatures {

    public static final List<String> NAMES = List.of("red_share", "green_share", "pink_share", "brightness",
            "saturation", "edge_density");

    /** Thumbnails are at most 250 px; sampling a 64 x 64 grid keeps this well under a millisecond. */
    private static final int GRID = 64;

    /** The outcome: a status and, when USED, the features in {@link #NAMES} order. */
    public record Result(ImageStatus status, double[] features) {}

    private ThumbnailFeatures() {}

    public static Result read(Path file) {
        return of(Thumbnail.read(file));
    }

    /** The features of a decoded thumbnail; a 1-pixel-wide image has no edges or shares worth the name. */
    public static Result of(Thumbnail t) {
        if (!t.used()) return new Result(t.status(), null);
        BufferedImage img = t.image();
        if (img.getWidth() < 2 || img.getHeight() < 2) return new Result(ImageStatus.UNDECODABLE, null);
        return new Result(ImageStatus.USED, features(img));
    }

    static double[] features(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int n = 0, red = 0, green = 0, pink = 0, edges = 0;
        double bright = 0, sat = 0;
        float[] hsb = new float[3];
        for (int gy = 0; gy < GRID; gy++) {
            int y = gy * (h - 1) / (GRID - 1);
            float previous = -1;
            for (int gx = 0; gx < GRID; gx++) {
                int x = gx * (w - 1) / (GRID - 1);
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                java.awt.Color.RGBtoHSB(r, g, b, hsb);
                n++;
                bright += hsb[2];
                sat += hsb[1];
                boolean colourful = hsb[1] > 0.35f && hsb[2] > 0.25f;
                float hue = hsb[0] * 360f;
                if (colourful && (hue < 15 || hue >= 345)) red++;
                if (colourful && hue >= 85 && hue < 160) green++;
                // pink wojak: light, moderately saturated magenta-red skin
                if (hsb[1] > 0.2f && hsb[1] < 0.6f && hsb[2] > 0.6f && (hue >= 320 || hue < 10)) pink++;
                if (previous >= 0 && Math.abs(hsb[2] - previous) > 0.25f) edges++;
                previous = hsb[2];
            }
        }
        return new double[] {(double) red / n, (double) green / n, (double) pink / n, bright / n, sat / n,
                (double) edges / n};
    }
}
