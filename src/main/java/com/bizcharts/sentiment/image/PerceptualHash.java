package com.bizcharts.sentiment.image;

import com.bizcharts.sentiment.ImageStatus;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The classic DCT pHash: grey 32 x 32, 2-D DCT-II, the 8 x 8 lowest frequencies, one bit per coefficient above
 * their median (DC excluded from the median because it only carries overall brightness). Resizing and JPEG
 * recompression move few bits, so near-duplicates sit within a small Hamming distance.
 */
public final class PerceptualHash {

    private static final int SIZE = 32;
    private static final int LOW = 8;
    private static final double[][] COS = cosines();

    /** The outcome of hashing a file: a status and, when USED, the hash. */
    public record Result(ImageStatus status, long hash, String detail) {
        public boolean used() { return status == ImageStatus.USED; }
    }

    private PerceptualHash() {}

    /** Hashes a thumbnail file; never throws for missing, unsupported or corrupt files. */
    public static Result read(Path file) {
        return ofThumbnail(Thumbnail.read(file));
    }

    /** Hashes a decoded thumbnail, or passes on why there is none. */
    public static Result ofThumbnail(Thumbnail t) {
        return t.used() ? new Result(ImageStatus.USED, of(t.image()), "") : new Result(t.status(), 0, t.detail());
    }

    /** Hashes encoded image bytes (PNG, JPEG, GIF, BMP). */
    public static Result decode(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) return new Result(ImageStatus.UNDECODABLE, 0, "no decoder recognises the bytes");
            return new Result(ImageStatus.USED, of(img), "");
        } catch (IOException | RuntimeException e) {
            // ImageIO throws unchecked exceptions on some truncated files; all of them mean "undecodable".
            return new Result(ImageStatus.UNDECODABLE, 0, "corrupt image: " + e.getMessage());
        }
    }

    /** The hash of a decoded image. */
    public static long of(BufferedImage image) {
        double[][] grey = grey(image);
        double[][] dct = dct(grey);
        double[] low = new double[LOW * LOW];
        for (int u = 0; u < LOW; u++) for (int v = 0; v < LOW; v++) low[u * LOW + v] = dct[u][v];
        double[] sorted = java.util.Arrays.copyOfRange(low, 1, low.length);
        java.util.Arrays.sort(sorted);
        double median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long hash = 0;
        for (int i = 0; i < low.length; i++) if (low[i] > median) hash |= 1L << i;
        return hash;
    }

    /** The number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static double[][] grey(BufferedImage image) {
        BufferedImage small = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        var g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, SIZE, SIZE, null);
        } finally {
            g.dispose();
        }
        double[][] out = new double[SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = small.getRGB(x, y);
                out[y][x] = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
            }
        }
        return out;
    }

    /** Only the LOW x LOW corner is needed, so the separable DCT is computed for those rows and columns only. */
    private static double[][] dct(double[][] f) {
        double[][] rows = new double[SIZE][LOW];
        for (int y = 0; y < SIZE; y++) {
            for (int v = 0; v < LOW; v++) {
                double s = 0;
                for (int x = 0; x < SIZE; x++) s += f[y][x] * COS[v][x];
                rows[y][v] = s;
            }
        }
        double[][] out = new double[LOW][LOW];
        for (int u = 0; u < LOW; u++) {
            for (int v = 0; v < LOW; v++) {
                double s = 0;
                for (int y = 0; y < SIZE; y++) s += rows[y][v] * COS[u][y];
                out[u][v] = s;
            }
        }
        return out;
    }

    private static double[][] cosines() {
        double[][] c = new double[LOW][SIZE];
        for (int k = 0; k < LOW; k++) {
            for (int n = 0; n < SIZE; n++) c[k][n] = Math.cos(Math.PI / SIZE * (n + 0.5) * k);
        }
        return c;
    }
}
