package com.bizcharts.sentiment.ocr.paddle;

import java.awt.image.BufferedImage;

/**
 * An opaque RGB image as packed ints (transparent pixels composited over white), with the resampling the pipeline
 * needs: OpenCV's bilinear resize (pixel centres aligned) straight into normalised BGR tensors, and cut-outs of
 * rotated boxes.
 */
record Pixels(int width, int height, int[] rgb) {

    static Pixels of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        if (image.getColorModel().hasAlpha()) {
            for (int i = 0; i < argb.length; i++) {
                int a = argb[i] >>> 24;
                if (a == 255) continue;
                int r = blend(argb[i] >> 16 & 255, a), g = blend(argb[i] >> 8 & 255, a), b = blend(argb[i] & 255, a);
                argb[i] = r << 16 | g << 8 | b;
            }
        }
        return new Pixels(w, h, argb);
    }

    private static int blend(int c, int alpha) {
        return (c * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    /**
     * Resizes to {@code w x h} and writes the channels in BGR order, each as (value / 255 - mean[c]) / std[c], into
     * {@code out} (laid out [3][rowStride rows][rowStride]) from column 0; columns past {@code w} are left as they are.
     */
    void resizeInto(float[] out, int offset, int w, int h, int rowStride, float[] mean, float[] std) {
        int plane = h * rowStride;
        double sx = (double) width / w, sy = (double) height / h;
        for (int y = 0; y < h; y++) {
            double fy = (y + 0.5) * sy - 0.5;
            int y0 = (int) Math.floor(fy);
            double wy = fy - y0;
            int r0 = clamp(y0, height) * width, r1 = clamp(y0 + 1, height) * width;
            for (int x = 0; x < w; x++) {
                double fx = (x + 0.5) * sx - 0.5;
                int x0 = (int) Math.floor(fx);
                double wx = fx - x0;
                int c0 = clamp(x0, width), c1 = clamp(x0 + 1, width);
                int p00 = rgb[r0 + c0], p01 = rgb[r0 + c1], p10 = rgb[r1 + c0], p11 = rgb[r1 + c1];
                int at = offset + y * rowStride + x;
                for (int c = 0; c < 3; c++) {
                    int shift = c * 8; // B, G, R
                    double v = (1 - wy) * ((1 - wx) * (p00 >> shift & 255) + wx * (p01 >> shift & 255))
                            + wy * ((1 - wx) * (p10 >> shift & 255) + wx * (p11 >> shift & 255));
                    out[at + c * plane] = (float) ((v / 255.0 - mean[c]) / std[c]);
                }
            }
        }
    }

    /**
     * The box cut out upright, {@code cropW x cropH}: output pixel (u, v) is read bilinearly at
     * topLeft + u/cropW (topRight - topLeft) + v/cropH (bottomLeft - topLeft), edges repeated (PaddleOCR's
     * {@code get_rotate_crop_image} warps the same corners with replicated borders).
     */
    Pixels crop(TextBox box, int cropW, int cropH) {
        TextBox.Point o = box.corners().get(0), a = box.corners().get(1), b = box.corners().get(3);
        double ax = (a.x() - o.x()) / cropW, ay = (a.y() - o.y()) / cropW;
        double bx = (b.x() - o.x()) / cropH, by = (b.y() - o.y()) / cropH;
        int[] out = new int[cropW * cropH];
        for (int v = 0; v < cropH; v++) {
            for (int u = 0; u < cropW; u++) {
                out[v * cropW + u] = sample(o.x() + u * ax + v * bx, o.y() + u * ay + v * by);
            }
        }
        return new Pixels(cropW, cropH, out);
    }

    /** Turned a quarter counter-clockwise (numpy's rot90). */
    Pixels rotate90() {
        int[] out = new int[rgb.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) out[(width - 1 - x) * height + y] = rgb[y * width + x];
        }
        return new Pixels(height, width, out);
    }

    /** Turned half a turn. */
    Pixels rotate180() {
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) out[rgb.length - 1 - i] = rgb[i];
        return new Pixels(width, height, out);
    }

    private int sample(double fx, double fy) {
        int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy);
        double wx = fx - x0, wy = fy - y0;
        int r0 = clamp(y0, height) * width, r1 = clamp(y0 + 1, height) * width;
        int c0 = clamp(x0, width), c1 = clamp(x0 + 1, width);
        int p00 = rgb[r0 + c0], p01 = rgb[r0 + c1], p10 = rgb[r1 + c0], p11 = rgb[r1 + c1];
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double v = (1 - wy) * ((1 - wx) * (p00 >> shift & 255) + wx * (p01 >> shift & 255))
                    + wy * ((1 - wx) * (p10 >> shift & 255) + wx * (p11 >> shift & 255));
            out |= Math.min(255, (int) Math.round(v)) << shift;
        }
        return out;
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : i >= size ? size - 1 : i;
    }
}
