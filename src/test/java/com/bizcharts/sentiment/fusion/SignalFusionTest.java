package com.bizcharts.sentiment.fusion;

import com.bizcharts.store.labels.SentimentLabel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SignalFusionTest {

    final SignalFusion fusion = new SignalFusion(FusionWeights.prototype());

    @Test
    void textAloneIsPassedThrough() {
        double[] text = {0.2, 0.5, 0.3};
        SignalFusion.Fused f = fusion.fuse(List.of(SignalReading.of(Signal.TEXT, text)));
        assertThat(f.probabilities()).containsExactly(text);
        assertThat(f.sarcasm()).isZero();
        assertThat(f.label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void agreeingSignalsAreAveragedByTheirWeights() {
        double[] text = {0.1, 0.3, 0.6}, image = {0.1, 0.5, 0.4}, ocr = {0.0, 0.2, 0.8};
        SignalFusion.Fused f = fusion.fuse(List.of(SignalReading.of(Signal.TEXT, text),
                SignalReading.of(Signal.IMAGE, image), SignalReading.of(Signal.OCR, ocr)));
        // text score 0.5, image 0.3: gap 0.2 far under 0.7, sarcasm about 0.0025
        assertThat(f.sarcasm()).isLessThan(0.01);
        double bullish = (0.5 * 0.6 + 0.3 * 0.4 + 0.1 * 0.8) / 0.9;
        assertThat(f.probabilities()[2]).isCloseTo(bullish, within(0.01));
        assertThat(f.probabilities()[0] + f.probabilities()[1] + f.probabilities()[2]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void sarcasmIsOneHalfExactlyAtTheThreshold() {
        assertThat(SignalFusion.sarcasm(0.35, -0.35, 0.7)).isCloseTo(0.5, within(1e-12));
        assertThat(SignalFusion.sarcasm(0.8, -0.8, 0.7)).isGreaterThan(0.99);
        assertThat(SignalFusion.sarcasm(0.1, 0.0, 0.7)).isLessThan(0.001);
    }

    @Test
    void incongruentImageFlipsTheLiteralText() {
        double[] text = {0.05, 0.15, 0.8}, image = {0.85, 0.1, 0.05};
        SignalFusion.Fused f = fusion.fuse(List.of(SignalReading.of(Signal.TEXT, text), SignalReading.of(Signal.IMAGE, image)));
        assertThat(f.literal()).isEqualTo(SentimentLabel.BULLISH);
        assertThat(f.sarcasm()).isGreaterThan(0.99);
        assertThat(f.label()).isEqualTo(SentimentLabel.BEARISH);
        assertThat(f.drivers().get(0)).startsWith("sarcasm:");
    }

    @Test
    void fusionNeedsTheTextAndSaneWeights() {
        assertThatThrownBy(() -> fusion.fuse(List.of(SignalReading.of(Signal.IMAGE, new double[] {0.3, 0.3, 0.4}))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FusionWeights(-1, 0, 0, 0, 0.7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fusionWeightsAreLearnedOnlyFromEnoughLabeledImages() {
        java.util.List<FusionLearner.Example> examples = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int label = i % 3;
            double[] image = {0.1, 0.1, 0.1};
            image[label] = 0.8; // the image knows the label
            examples.add(new FusionLearner.Example(new double[] {0.34, 0.33, 0.33}, image, label));
        }
        FusionLearner.Outcome few = FusionLearner.learn(examples.subList(0, 50), FusionWeights.prototype());
        assertThat(few.weights()).isEqualTo(FusionWeights.prototype());
        assertThat(few.source()).startsWith("prototype");
        FusionLearner.Outcome learned = FusionLearner.learn(examples, FusionWeights.prototype());
        assertThat(learned.weights().image()).isGreaterThan(learned.weights().text());
        assertThat(learned.weights().text() + learned.weights().image()).isCloseTo(0.8, within(1e-9));
        assertThat(learned.weights().ocr()).isEqualTo(0.1);
        assertThat(learned.source()).startsWith("learned on 120");
    }

    @Test
    void furtherReadingsShareTheirFamilysWeight() {
        double[] text = {0.1, 0.3, 0.6}, onnxText = {0.3, 0.3, 0.4}, image = {0.5, 0.3, 0.2}, repost = {0.7, 0.2, 0.1};
        SignalFusion.Fused f = fusion.fuse(List.of(SignalReading.of(Signal.TEXT, text), SignalReading.of(Signal.ONNX_TEXT, onnxText),
                SignalReading.of(Signal.IMAGE, image), SignalReading.of(Signal.REPOST, repost)));
        // families: text (0.2, 0.3, 0.5) score +0.3, image (0.6, 0.25, 0.15) score -0.45; gap 0.75 -> sarcasm
        double s = SignalFusion.sarcasm(0.3, -0.45, 0.7);
        assertThat(f.sarcasm()).isCloseTo(s, within(1e-12));
        double[] t = {(1 - s) * 0.2 + s * 0.5, 0.3, (1 - s) * 0.5 + s * 0.2};
        double[] i = {0.6, 0.25, 0.15};
        for (int k = 0; k < 3; k++) assertThat(f.probabilities()[k]).isCloseTo((0.5 * t[k] + 0.3 * i[k]) / 0.8, within(1e-12));
        assertThat(f.literal()).isEqualTo(SentimentLabel.BULLISH);
        // sarcasm first, then each reading by |score| times half its family's weight: text 0.5 * 0.25, repost
        // 0.6 * 0.15, image 0.3 * 0.15, onnx-text 0.1 * 0.25
        assertThat(f.drivers()).hasSize(5);
        assertThat(f.drivers().get(0)).startsWith("sarcasm:");
        assertThat(f.drivers().get(1)).startsWith("text:+0.50");
        assertThat(f.drivers().get(2)).startsWith("repost:-0.60");
        assertThat(f.drivers()).anyMatch(d -> d.startsWith("onnx-text:+0.10"));
    }

    @Test
    void aFurtherReadingAloneStandsForItsFamily() {
        double[] text = {0.2, 0.5, 0.3}, onnxImage = {0.1, 0.2, 0.7};
        SignalFusion.Fused f = fusion.fuse(List.of(SignalReading.of(Signal.TEXT, text), SignalReading.of(Signal.ONNX_IMAGE, onnxImage)));
        double s = SignalFusion.sarcasm(0.1, 0.6, 0.7);
        assertThat(f.sarcasm()).isCloseTo(s, within(1e-12));
        assertThat(f.probabilities()[2]).isCloseTo((0.5 * ((1 - s) * 0.3 + s * 0.2) + 0.3 * 0.7) / 0.8, within(1e-12));
        assertThat(fusion.fuse(List.of(SignalReading.of(Signal.ONNX_TEXT, text))).probabilities()).containsExactly(text);
        assertThat(Signal.REPOST.family()).isEqualTo(Signal.IMAGE);
        assertThat(Signal.ONNX_IMAGE.word()).isEqualTo("onnx-image");
        assertThat(FusionWeights.prototype().asMap()).containsOnlyKeys(Signal.TEXT, Signal.IMAGE, Signal.OCR, Signal.CONTEXT);
    }
}
