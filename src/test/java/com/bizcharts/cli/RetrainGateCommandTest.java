package com.bizcharts.cli;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.embedded.ModelFiles;
import com.bizcharts.sentiment.embedded.ModelMetadata;
import com.bizcharts.sentiment.embedded.SlangTally;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The promotion gate on the command line: `learn retrain` says when it cannot judge; `models record-training`. */
class RetrainGateCommandTest {

    @TempDir
    Path dir;

    /** The shipped default, as bundled: its metadata names the posts it was trained on. */
    private static ModelMetadata shippedDefault() throws Exception {
        try (InputStream in = ModelFiles.bundled(ModelFiles.BUNDLED_DEFAULT).open(ModelMetadata.FILE)) {
            return ModelMetadata.read(in);
        }
    }

    @Test
    void retrainSaysItCannotJudgeWhenTheDefaultTrainedOnEveryGoldenPost() throws Exception {
        ModelMetadata shipped = shippedDefault();
        List<Long> trainedOn = shipped.training().threadIds();
        assertThat(trainedOn).as("the shipped default records its training posts").hasSize(shipped.training().size());
        Path db = dir.resolve("g.db");
        String[] words = {"rekt dump over", "what coin anyone", "moon wagmi pump"};
        try (Database d = Database.open(db)) {
            for (int i = 0; i < 150; i++) {                                   // posts the default was trained on
                LearnFixtures.post(d, trainedOn.get(i), "", words[i % 3] + " " + i, null, Instant.parse("2026-01-01T00:00:00Z"));
                LearnFixtures.label(d, trainedOn.get(i), i % 3 + 1, Instant.parse("2026-01-02T00:00:00Z"));
            }
        }
        assertThat(CliTest.run("--db", db.toString(), "learn", "golden", "--freeze", "0.2").out()).contains("added 30 posts");

        // the candidate it trains goes to the test's own models folder, never the repository's models/
        Path config = dir.resolve("settings.toml");
        java.nio.file.Files.writeString(config, "[paths]\nmodels = \"" + dir.resolve("models").toString().replace("\\", "/") + "\"\n");
        CliTest r = CliTest.run("--config", config.toString(), "--db", db.toString(), "learn", "retrain", "--no-pseudo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("judged on: 0 golden posts neither model trained on (of 30)")
                .contains("registered, not activated; active " + shipped.id() + " kept")
                .contains("too few unseen golden posts (0 of 30; the active model " + shipped.id() + " trained on the rest):"
                        + " not deciding")
                .doesNotContain("promoted:");
        assertThat(CliTest.run("--db", db.toString(), "models", "list").out()).contains("* " + shipped.id());
    }

    @Test
    void recordTrainingAddsTheIdsFromTheFileTheModelNames() throws Exception {
        Path data = LabeledFixture.copyTo(dir);
        TrainingSet set = TrainingSet.fromFile(data);
        EmbeddedModel model = new EmbeddedTrainer(new SlangTally(), img -> ImageReading.absent(ImageStatus.MISSING))
                .train(set.posts(), EmbeddedTrainer.Options.standard(), set.provenance("test", Instant.EPOCH));
        Path older = dir.resolve("older");
        EmbeddedModelFormat.save(model.withMetadata(model.metadata().withTraining(model.metadata().training().withThreadIds(null))), older);

        CliTest r = CliTest.run("models", "record-training", older.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("recorded 36 training posts of " + model.id() + " in " + older.resolve("metadata.json") + "\n");

        CliTest wrong = CliTest.run("models", "record-training", older.toString(), "--data", dir.resolve("none.jsonl").toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("error: the training file ").contains("pass it with --data");
    }
}
