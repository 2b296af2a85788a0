package com.bizcharts.sentiment.onnx;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OnnxImageClassifierTest {

    @TempDir static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        TinyOnnxModels.writeImageModel(dir.resolve("clip"), 8);
    }

    static BufferedImage flat(Color c, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** By hand: normalised channel values of a flat colour, projected by P, unit-normalised, head, softmax. */
    static double[] expected(Color c) {
        double[] mean = {0.5, 0.5, 0.5};
        double[] std = {0.25, 0.5, 1.0};
        double[] ch = {(c.getRed() / 255.0 - mean[0]) / std[0], (c.getGreen() / 255.0 - mean[1]) / std[1],
                (c.getBlue() / 255.0 - mean[2]) / std[2]};
        double[] e = new double[2];
        for (int j = 0; j < 2; j++) for (int i = 0; i < 3; i++) e[j] += ch[i] * TinyOnnxModels.P[i][j];
        double norm = Math.hypot(e[0], e[1]);
        double l0 = (2 * e[0] - e[1]) / norm;
        double l1 = (-2 * e[0] + e[1]) / norm + 0.25;
        double z = Math.exp(l0) + Math.exp(l1);
        return new double[]{Math.exp(l0) / z, Math.exp(l1) / z};
    }

    @Test
    void probabilitiesMatchTheHandComputation() {
        Color red = new Color(230, 40, 40);
        Color green = new Color(30, 200, 60);
        try (var model = new OnnxImageClassifier(dir.resolve("clip"))) {
            assertThat(model.preprocessing().cropSize()).isEqualTo(8);
            assertThat(model.preprocessing().shortestEdge()).isEqualTo(12);
            List<double[]> p = model.probabilities(List.of(flat(red, 40, 30), flat(green, 17, 50)));
            double[] wantRed = expected(red);
            double[] wantGreen = expected(green);
            assertThat(p.get(0)[0]).isCloseTo(wantRed[0], within(1e-5));
            assertThat(p.get(1)[1]).isCloseTo(wantGreen[1], within(1e-5));
            assertThat(p.get(0)[0]).isGreaterThan(0.5);   // red leans bearish under this head
            assertThat(p.get(1)[1]).isGreaterThan(0.5);   // green leans bullish
        }
    }

    @Test
    void centerCropKeepsTheMiddle() {
        // A wide image: black left and right thirds, white middle. After resize + center crop only white remains.
        BufferedImage img = flat(Color.BLACK, 90, 30);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(30, 0, 30, 30);
        g.dispose();
        var prep = new ClipPreprocessing(8, 8, new double[]{0, 0, 0}, new double[]{1, 1, 1});
        float[] px = prep.pixels(img);
        assertThat(px).hasSize(3 * 64);
        assertThat(px[3 * 8 + 4]).isCloseTo(1f, within(0.02f));
    }
}
