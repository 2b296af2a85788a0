package com.bizcharts.sentiment.onnx;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OnnxTextClassifierTest {

    @TempDir static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        TinyOnnxModels.writeTextModel(dir.resolve("text"));
    }

    /** The graph by hand: mean of the embeddings of the words, times W, plus B. */
    static float[] expectedLogits(String text) {
        var index = TinyOnnxModels.vocabIndex();
        String[] words = text.toLowerCase().split("\\s+");
        double[] mean = new double[TinyOnnxModels.DIM];
        for (String w : words) {
            float[] e = TinyOnnxModels.embedding(index.getOrDefault(w, 1));
            for (int j = 0; j < mean.length; j++) mean[j] += e[j] / words.length;
        }
        float[] out = new float[2];
        for (int k = 0; k < 2; k++) {
            double s = TinyOnnxModels.B[k];
            for (int j = 0; j < mean.length; j++) s += mean[j] * TinyOnnxModels.W[j][k];
            out[k] = (float) s;
        }
        return out;
    }

    @Test
    void batchedLogitsMatchTheHandComputationDespitePadding() {
        List<String> texts = List.of("WAGMI", "the moon is wagmi", "ngmi rekt", "unknown words here the");
        try (var model = new OnnxTextClassifier(dir.resolve("text"))) {
            float[][] logits = model.logits(texts);
            for (int i = 0; i < texts.size(); i++) {
                float[] want = expectedLogits(texts.get(i));
                assertThat(logits[i][0]).as(texts.get(i)).isCloseTo(want[0], within(1e-5f));
                assertThat(logits[i][1]).as(texts.get(i)).isCloseTo(want[1], within(1e-5f));
            }
            List<double[]> p = model.probabilities(texts);
            assertThat(model.labels()).containsExactly("bearish", "bullish");
            assertThat(p.get(0)[1]).isGreaterThan(0.9);      // wagmi -> bullish
            assertThat(p.get(2)[0]).isGreaterThan(0.9);      // ngmi rekt -> bearish
            assertThat(p.get(1)[0] + p.get(1)[1]).isCloseTo(1.0, within(1e-9));
            // A text alone gives the same answer as inside a padded batch.
            assertThat(model.logits(List.of("ngmi rekt"))[0][1]).isCloseTo(logits[2][1], within(1e-6f));
            assertThat(model.logits(List.of())).isEmpty();
        }
    }

    @Test
    void incompleteDirectoryIsAClearError() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        assertThatThrownBy(() -> new OnnxTextClassifier(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels.json");
        Files.writeString(bad.resolve("labels.json"), "{\"labels\": [\"a\", \"b\"]}");
        Files.writeString(bad.resolve("tokenizer.json"), TinyOnnxModels.tokenizerJson());
        Files.write(bad.resolve("model.onnx"), new byte[]{1, 2, 3});
        assertThatThrownBy(() -> new OnnxTextClassifier(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.onnx");
    }
}
