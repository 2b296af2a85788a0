package com.bizcharts.sentiment.ocr.captions;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A stand-in for a photo behind a caption, from a seed: a two-colour gradient under soft blobs and a little noise.
 * Used where no real images are at hand (tests, {@code bench ocr --generated}) and to choose settings on images
 * other than the ones measured.
 */
final class GeneratedBackground {

    private GeneratedBackground() {}

    static BufferedImage draw(long seed) {
        Random r = new Random(seed);
        int w = 300 + r.nextInt(201), h = 300 + r.nextInt(201);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, colour(r), w, h, colour(r)));
            g.fillRect(0, 0, w, h);
            for (int k = 0, n = 4 + r.nextInt(10); k < n; k++) {
                Color c = colour(r);
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 120 + r.nextInt(136)));
                int bw = 30 + r.nextInt(w / 2), bh = 30 + r.nextInt(h / 2);
                if (r.nextBoolean()) g.fillOval(r.nextInt(w) - bw / 2, r.nextInt(h) - bh / 2, bw, bh);
                else g.fillRect(r.nextInt(w) - bw / 2, r.nextInt(h) - bh / 2, bw, bh);
            }
        } finally {
            g.dispose();
        }
        int noise = r.nextInt(24);
        if (noise > 0) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = img.getRGB(x, y), d = r.nextInt(2 * noise + 1) - noise;
                    img.setRGB(x, y, clamp((p >> 16 & 255) + d) << 16 | clamp((p >> 8 & 255) + d) << 8 | clamp((p & 255) + d));
                }
            }
        }
        return img;
    }

    private static Color colour(Random r) {
        return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
