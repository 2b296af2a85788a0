package com.bizcharts.sentiment.onnx;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OnnxStudentModelTest {

    static final String PREFIX = "Classify this post.\n";
    @TempDir static Path dir;
    static Path red;

    @BeforeAll
    static void generate() throws IOException {
        TinyStudent.write(dir.resolve("student"), "student-test", PREFIX, false);
        BufferedImage img = new BufferedImage(20, 12, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 12; y++) for (int x = 0; x < 20; x++) img.setRGB(x, y, 0xFF0000);
        red = dir.resolve("red.png");
        ImageIO.write(img, "png", red.toFile());
    }

    private static PostInput post(String subject, String text, Path image) {
        return new PostInput(1, subject, text, image, 0, null);
    }

    /** The graph by hand: mean word embedding (prefix words included, as in training) and channel means, times W. */
    static double[] expected(String fullText, double[] channelMeans) {
        StudentTokenizer tok = new StudentTokenizer(java.util.Map.of(), "[a-z0-9$#@']+|[^\\sa-z0-9]", 99);
        List<String> words = tok.words(PREFIX + fullText);
        double[] in = new double[6];
        for (String w : words) if (TinyStudent.classOf(w) >= 0) in[TinyStudent.classOf(w)] += 1.0 / words.size();
        System.arraycopy(channelMeans, 0, in, 3, 3);
        float[][] w = TinyStudent.weights(false);
        float[] logits = new float[3];
        for (int k = 0; k < 3; k++) {
            double s = TinyStudent.BIAS[k];
            for (int j = 0; j < 6; j++) s += in[j] * w[j][k];
            logits[k] = (float) s;
        }
        return Softmax.of(logits);
    }

    @Test
    void scoresTextAndImageLikeTheGraphComputedByHand() {
        try (var model = new OnnxStudentModel(dir.resolve("student"))) {
            assertThat(model.id()).isEqualTo("student-test");
            List<PostInput> posts = List.of(post("WAGMI", "to the moon", null), post(null, "ngmi, rekt!", red),
                    post(null, "which coin?", null));
            List<Prediction> p = model.predictAll(posts);
            assertThat(p).extracting(Prediction::label)
                    .containsExactly(SentimentLabel.BULLISH, SentimentLabel.BEARISH, SentimentLabel.NEUTRAL);
            double[] black = {-TinyStudent.MEAN[0] / TinyStudent.STD[0], -TinyStudent.MEAN[1] / TinyStudent.STD[1],
                    -TinyStudent.MEAN[2] / TinyStudent.STD[2]};
            double[] redMeans = {(1 - TinyStudent.MEAN[0]) / TinyStudent.STD[0], black[1], black[2]};
            assertThat(p.get(0).probabilities()).containsExactly(expected("WAGMI\nto the moon", black), within(1e-5));
            assertThat(p.get(1).probabilities()).containsExactly(expected("ngmi, rekt!", redMeans), within(1e-5));
            assertThat(p.get(0).imageStatus()).isEqualTo(ImageStatus.MISSING);
            assertThat(p.get(1).imageStatus()).isEqualTo(ImageStatus.USED);
            assertThat(p.get(0).score()).isCloseTo(p.get(0).probability(SentimentLabel.BULLISH)
                    - p.get(0).probability(SentimentLabel.BEARISH), within(1e-12));
            // One post alone scores as it does inside a batch.
            assertThat(model.predict(posts.get(1)).probabilities()).containsExactly(p.get(1).probabilities(), within(1e-6));
            assertThat(model.predictAll(List.of())).isEmpty();
        }
    }

    @Test
    void anUndecodableImageIsSaidAndScoredAsBlack() throws IOException {
        Path broken = Files.write(dir.resolve("broken.jpg"), new byte[]{1, 2, 3});
        try (var model = new OnnxStudentModel(dir.resolve("student"))) {
            Prediction p = model.predict(post(null, "moon", broken));
            assertThat(p.imageStatus()).isEqualTo(ImageStatus.UNDECODABLE);
            assertThat(p.probabilities()).containsExactly(model.predict(post(null, "moon", null)).probabilities(), within(1e-9));
        }
    }

    @Test
    void wordsAreSplitExactlyAsStudentlibSplitsThem() {
        StudentTokenizer tok = new StudentTokenizer(java.util.Map.of("[PAD]", 0L, "[UNK]", 1L, "moon", 2L),
                "[a-z0-9$#@']+|[^\\sa-z0-9]", 4);
        // Python: studentlib.words("WAGMI to the moon!! $LINK isn't dead… Ünïcode\u00a0x")
        assertThat(tok.words("WAGMI to the moon!! $LINK isn't dead… Ünïcode\u00a0x")).containsExactly(
                "wagmi", "to", "the", "moon", "!", "!", "$link", "isn't", "dead", "…", "ü", "n", "ï", "code", "x");
        StudentTokenizer.Encoded e = tok.encode("Moon to the moon and beyond");
        assertThat(e.ids()).containsExactly(2, 1, 1, 2);
        assertThat(tok.encode("moon").ids()).containsExactly(2, 0, 0, 0);
        assertThat(tok.encode("moon").mask()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void otherModelDirectoriesAreRefusedWithTheReason() throws IOException {
        TinyOnnxModels.writeTextModel(dir.resolve("text"));
        Files.writeString(dir.resolve("text/metadata.json"), "{\"labels\": [\"bearish\", \"neutral\", \"bullish\"]}");
        assertThatThrownBy(() -> new OnnxStudentModel(dir.resolve("text")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must take");
        assertThatThrownBy(() -> new OnnxStudentModel(dir.resolve("nothing")))
                .hasMessageContaining("lacks metadata.json");
    }
}
