package com.bizcharts.sentiment.scoring;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalInput;
import com.bizcharts.sentiment.fusion.SignalReading;
import com.bizcharts.sentiment.fusion.SignalSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An optional signal that fails never costs a prediction: the post is scored without it, and says so. */
class BatchFallbackTest {

    @Test
    void aFailingSignalIsLeftOutWithANote(@TempDir Path dir) {
        SignalSource broken = new SignalSource() {
            @Override public Signal signal() { return Signal.ONNX_IMAGE; }
            @Override public List<SignalReading> read(List<SignalInput> batch) { throw new IllegalStateException("onnx went away"); }
        };
        EmbeddedModel base = new EmbeddedTrainer(ScoringTest.SIGNALS.lexicon(), ScoringTest.SIGNALS.images())
                .train(TrainingSet.fromFile(LabeledFixture.copyTo(dir)).posts(), EmbeddedTrainer.Options.standard(),
                        new EmbeddedTrainer.Provenance("fixture", "sha", "test", Instant.EPOCH));
        EmbeddedModel model = base.withSignals(List.of(broken));
        List<PostInput> posts = List.of(PostInput.ofText("", "wagmi so back"), PostInput.ofText("", "it's over, rekt"));
        List<Prediction> p = model.predictAll(posts);
        List<Prediction> plain = base.predictAll(posts);
        for (int i = 0; i < 2; i++) {
            assertThat(p.get(i).probabilities()).containsExactly(plain.get(i).probabilities());
            assertThat(p.get(i).drivers()).last().isEqualTo("onnx-image:failed (onnx went away)");
        }
    }
}
