package com.bizcharts.learn;

import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;

import java.nio.file.Path;
import java.time.Instant;

/** Small embedded models trained in a test on the committed labeled fixture; the seed makes each one a new model id. */
public final class FixtureModels {

    private FixtureModels() {}

    public static EmbeddedModel train(SentimentSignals signals, Path dir, long seed) {
        var base = EmbeddedTrainer.Options.standard();
        Path fixture = dir.resolve("labeled-posts.jsonl");
        if (!java.nio.file.Files.exists(fixture)) LabeledFixture.copyTo(dir);
        return new EmbeddedTrainer(signals.lexicon(), signals.images()).train(TrainingSet.fromFile(fixture).posts(),
                new EmbeddedTrainer.Options(base.text(), base.calibrationFolds(), base.classOffsets(), seed),
                new EmbeddedTrainer.Provenance("fixture", "sha" + seed, "test", Instant.parse("2026-01-01T00:00:00Z")));
    }
}
