package com.bizcharts.sentiment.image;

import com.bizcharts.sentiment.image.MobileNetFeatures.Reading;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The real bundled model on images the test draws. */
class MobileNetFeaturesTest {

    private static MobileNetFeatures model;

    @BeforeAll
    static void open() throws Exception {
        model = MobileNetFeatures.bundled(2);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void givesTheFeaturesAndFiveProbabilitiesTheSameEachTime() throws Exception {
        BufferedImage img = cartoon();
        Reading a = model.read(img), b = model.read(img);
        assertThat(a.features()).hasSize(MobileNetFeatures.FEATURES).isEqualTo(b.features());
        assertThat(a.probabilities()).hasSize(5).isEqualTo(b.probabilities());
        double sum = 0;
        for (float p : a.probabilities()) sum += p;
        assertThat(sum).isCloseTo(1, within(1e-5));
        // Features come after a ReLU6 and an average pool: in [0, 6], and not all zero.
        double total = 0;
        for (float f : a.features()) {
            assertThat(f).isBetween(0f, 6f);
            total += f;
        }
        assertThat(total).isPositive();
    }

    @Test
    void matchesOnnxRuntimeInPythonWithNsfwjsPreprocessing() throws Exception {
        // Reference: models/mobilenet-v2/verify.py's preprocessing + onnxruntime 1.30 on the same 100 x 60 gradient.
        int w = 100, h = 60;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                img.setRGB(x, y, new Color(x * 255 / (w - 1), y * 255 / (h - 1), ((x + y) * 7) % 256).getRGB());
        Reading r = model.read(img);
        assertThat(r.probabilities()).containsExactly(new float[]{0.12073f, 0.00780f, 0.85835f, 0.01168f, 0.00144f}, within(1e-4f));
        assertThat(r.features()[0]).isCloseTo(0.007015f, within(1e-4f));
        double total = 0;
        for (float f : r.features()) total += f;
        assertThat(total).isCloseTo(105.157, within(0.05));
    }

    @Test
    void theSameDrawingAtAnotherSizeLiesCloserInFeatureSpaceThanNoise() throws Exception {
        // nsfwjs's Drawing class is no cartoon detector on synthetic images (a flat face reads Neutral 0.99, colour
        // noise Drawing 0.06: PROVENANCE.md), so the robust property is the embedding's: content, not pixels.
        float[] big = model.read(cartoon()).features();
        BufferedImage small = new BufferedImage(150, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(cartoon(), 0, 0, 150, 150, null);
        g.dispose();
        float[] resized = model.read(small).features();
        float[] noise = model.read(noise()).features();
        assertThat(cosine(big, resized)).isGreaterThan(0.9).isGreaterThan(cosine(big, noise) + 0.2);
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void resizesWithAlignedCornersAndPutsTransparencyOnWhite() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0xFFFF0000);
        img.setRGB(1, 0, 0xFF00FF00);
        img.setRGB(0, 1, 0xFF0000FF);
        img.setRGB(1, 1, 0x00000000);
        float[] px = MobileNetFeatures.pixels(img);
        int plane = 224 * 224, last = 223;
        assertThat(new float[]{px[0], px[plane], px[2 * plane]}).containsExactly(1f, 0f, 0f);
        assertThat(new float[]{px[last], px[plane + last], px[2 * plane + last]}).containsExactly(0f, 1f, 0f);
        int corner = 223 * 224 + 223;
        assertThat(new float[]{px[corner], px[plane + corner], px[2 * plane + corner]}).containsExactly(1f, 1f, 1f);
    }

    /** A flat-coloured MS-Paint face: outline, eyes, mouth, on white. */
    private static BufferedImage cartoon() {
        BufferedImage img = new BufferedImage(250, 250, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 250, 250);
        g.setColor(new Color(255, 220, 80));
        g.fillOval(40, 30, 170, 190);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(5));
        g.drawOval(40, 30, 170, 190);
        g.fillOval(85, 90, 20, 28);
        g.fillOval(145, 90, 20, 28);
        g.drawArc(80, 120, 90, 60, 200, 140);
        g.dispose();
        return img;
    }

    /** Seeded smooth-ish colour noise standing in for a photo. */
    private static BufferedImage noise() {
        Random rnd = new Random(16);
        BufferedImage img = new BufferedImage(250, 250, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 250; y++)
            for (int x = 0; x < 250; x++) {
                int base = 90 + (x + y) / 5;
                img.setRGB(x, y, new Color(clamp(base + rnd.nextInt(80) - 40), clamp(base - 20 + rnd.nextInt(80) - 40),
                        clamp(base - 40 + rnd.nextInt(80) - 40)).getRGB());
            }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
