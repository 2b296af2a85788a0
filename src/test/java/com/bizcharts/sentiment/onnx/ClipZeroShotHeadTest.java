package com.bizcharts.sentiment.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The zero-shot head from a tiny CLIP text tower, against a hand computation, and read back by the image runner. */
class ClipZeroShotHeadTest {

    @TempDir Path dir;

    private Path writeClip() throws Exception {
        for (var f : TinyClip.files().entrySet()) {
            Path p = dir.resolve(f.getKey().substring(f.getKey().lastIndexOf('/') + 1));
            Files.write(p, f.getValue());
        }
        Files.move(dir.resolve("vision_model.onnx"), dir.resolve("image_encoder.onnx"));
        return dir;
    }

    private static double[] unit(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1]);
        return new double[]{v[0] / n, v[1] / n};
    }

    @Test
    void eachLabelIsTheScaledUnitMeanOfItsPromptsUnitEmbeddings() throws Exception {
        writeClip();
        Map<String, List<String>> prompts = new LinkedHashMap<>();
        prompts.put("bearish", List.of("rekt ngmi", "rekt"));
        prompts.put("bullish", List.of("moon wagmi", "moon", "the moon"));
        double[][] w = ClipZeroShotHead.write(dir, dir.resolve("text_model.onnx"), dir.resolve("tokenizer.json"), prompts, 10);

        for (int k = 0; k < 2; k++) {
            List<String> ps = prompts.get(k == 0 ? "bearish" : "bullish");
            double[] sum = new double[2];
            for (String p : ps) {
                double[] e = unit(TinyClip.textEmbedding(p));
                sum[0] += e[0];
                sum[1] += e[1];
            }
            double[] expected = unit(sum);
            assertThat(w[k][0]).isCloseTo(10 * expected[0], within(1e-5));
            assertThat(w[k][1]).isCloseTo(10 * expected[1], within(1e-5));
        }
        var head = new ObjectMapper().readTree(dir.resolve("head.json").toFile());
        assertThat(head.path("labels").toString()).isEqualTo("[\"bearish\",\"bullish\"]");
        assertThat(head.path("bias").toString()).isEqualTo("[0.0,0.0]");
        assertThat(head.path("normalize").asBoolean()).isTrue();
        assertThat(OnnxModels.kindOf(dir)).isEqualTo(OnnxModels.IMAGE);

        // the runner's logits are scale x cos(image, label): compare its probabilities with that hand computation
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(40, 200, 90));
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        try (OnnxImageClassifier c = new OnnxImageClassifier(dir)) {
            float[] e = c.embeddings(List.of(img))[0];
            double[] u = unit(new double[]{e[0], e[1]});
            double l0 = w[0][0] * u[0] + w[0][1] * u[1];
            double l1 = w[1][0] * u[0] + w[1][1] * u[1];
            double p1 = Math.exp(l1) / (Math.exp(l0) + Math.exp(l1));
            assertThat(c.probabilities(List.of(img)).get(0)[1]).isCloseTo(p1, within(1e-5));
        }
    }

    @Test
    void aGraphThatIsNotATextTowerIsRefusedWithItsInputs() throws Exception {
        writeClip();
        assertThatThrownBy(() -> ClipZeroShotHead.write(dir, dir.resolve("image_encoder.onnx"), dir.resolve("tokenizer.json"),
                Map.of("bearish", List.of("rekt"), "bullish", List.of("moon")), 100))
                .hasMessageContaining("image_encoder.onnx").hasMessageContaining("pixel_values");
    }
}
