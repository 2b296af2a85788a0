package com.bizcharts.learn;

import com.bizcharts.learn.eval.CrossValidation;
import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.sentiment.embedded.MemoizedEncoder;
import com.bizcharts.sentiment.embedded.TextEncoder;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ModelFiles;
import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The quality bar on the real labeled set in ../shared (run with -Pshared-data). */
@Tag("shared-data")
class SharedDataQualityTest {

    static Path sharedLabels() {
        return com.bizcharts.shared.SharedData.labels();
    }

    /** The shipped recipe (n-grams and traits, {@code --encoder none}) and the one with the sentence encoder. */
    @Test
    void fiveFoldCrossValidationClearsTheBar() {
        SentimentSignals signals = Engine.signals(Settings.defaults());
        TrainingSet set = TrainingSet.fromFile(sharedLabels());
        List<LabeledPost> posts = set.posts();
        EmbeddedTrainer trainer = new EmbeddedTrainer(signals.lexicon(), signals.images(),
                MemoizedEncoder.over(signals.encoders()));
        for (String encoder : new String[] {null, TextEncoder.DEFAULT}) {
            EmbeddedTrainer.Options options = EmbeddedTrainer.Options.standard().withEncoder(encoder);
            EvaluationReport r = CrossValidation.run(posts, 5, options.seed(), CrossValidation.ofProbabilities(train -> {
                EmbeddedModel m = trainer.train(train, options, set.provenance("test", Instant.EPOCH));
                return p -> m.textProbabilities(p.post());
            }));
            System.out.println("encoder " + encoder + "\n" + r.toText());
            assertThat(r.accuracy()).as("encoder " + encoder).isGreaterThanOrEqualTo(0.62);
            assertThat(r.macroF1()).as("encoder " + encoder).isGreaterThanOrEqualTo(0.60);
        }
    }

    @Test
    void theShippedModelWasTrainedOnThisFile() throws Exception {
        SentimentSignals signals = Engine.signals(Settings.defaults());
        EmbeddedModel shipped = EmbeddedModelFormat.load(ModelFiles.directory(Path.of("models", "default")),
                signals.lexicon(), signals.images(), signals.encoders());
        TrainingSet set = TrainingSet.fromFile(sharedLabels());
        assertThat(shipped.metadata().training().sha256()).isEqualTo(set.sha256());
    }
}
