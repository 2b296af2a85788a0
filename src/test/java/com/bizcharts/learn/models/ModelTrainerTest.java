package com.bizcharts.learn.models;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.train.TrainingListener;
import com.bizcharts.learn.train.TrainingProgress;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.embedded.SlangTally;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Training from the database's labels: cross-validated, saved, registered; cancellable; evaluation reports. */
class ModelTrainerTest {

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    private static final String[][] WORDS = {
            {"dump", "rekt", "crash", "over", "bleeding", "sell", "dead"},
            {"question", "what", "anyone", "thoughts", "where", "how", "general"},
            {"moon", "pump", "wagmi", "green", "send", "lambo", "rally"}};

    @TempDir Path dir;
    private Database db;
    private ModelRegistry registry;
    private ModelTrainer trainer;
    private ModelEvaluations evaluations;

    /** Posts and labels through the real repositories: {@code perClass} of each label. */
    static void seed(Database db, int perClass) {
        for (int i = 0; i < 3 * perClass; i++) {
            int cls = i % 3;
            String[] w = WORDS[cls];
            LearnFixtures.post(db, 1000 + i, "", w[i % 7] + " " + w[(i + 2) % 7] + " " + w[(i + 4) % 7] + " thread " + i, null, T0);
            LearnFixtures.label(db, 1000 + i, cls + 1, T0.plusSeconds(i));
        }
    }

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("m.db"));
        Clock clock = Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
        SentimentSignals signals = new SentimentSignals(new SlangTally(), img -> ImageReading.absent(ImageStatus.MISSING));
        registry = new ModelRegistry(db, clock);
        trainer = new ModelTrainer(db, dir, dir.resolve("models"), signals, registry, clock);
        evaluations = new ModelEvaluations(registry, new ModelLoader(dir.resolve("no-default"), signals), db, dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void trainsCrossValidatesSavesAndRegistersWithoutActivating() {
        seed(db, 12);
        List<TrainingProgress> seen = new ArrayList<>();
        ModelTrainer.Result r = trainer.train(5, 7, TrainingListener.of(seen::add, () -> false));

        assertThat(r.posts()).isEqualTo(36);
        assertThat(r.note()).isNull();
        assertThat(registry.list()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(r.model().id());
            assertThat(m.trainingSize()).isEqualTo(36);
            assertThat(m.accuracy()).isEqualTo(Math.round(r.crossValidation().accuracy() * 1e4) / 1e4);
            assertThat(m.macroF1()).isNotNull();
            assertThat(m.active()).isFalse();
        });
        assertThat(Files.isRegularFile(r.directory().resolve("metadata.json"))).isTrue();
        assertThat(seen).extracting(TrainingProgress::fraction).isSorted().endsWith(1.0);
        assertThat(seen).extracting(TrainingProgress::task).containsSubsequence("cross-validation fold 1/5",
                "cross-validation fold 5/5", "final model");

        ModelEvaluation stored = evaluations.of(r.model().id());
        assertThat(stored.report().confusion()).isDeepEqualTo(r.crossValidation().confusion());
        assertThat(stored.basis()).isEqualTo("5-fold cross-validation on 36 database labels");
    }

    @Test
    void aCancelledTrainingLeavesNoFilesAndNoRow() {
        seed(db, 12);
        TrainingListener cancelInFoldThree = new TrainingListener() {
            boolean cancel;

            @Override
            public void progress(TrainingProgress p) {
                cancel |= p.task().startsWith("cross-validation fold 3/");
            }

            @Override
            public boolean cancelled() {
                return cancel;
            }
        };
        assertThatThrownBy(() -> trainer.train(5, 7, cancelInFoldThree)).isInstanceOf(CancellationException.class);
        assertThat(registry.list()).isEmpty();
        assertThat(dir.resolve("models")).doesNotExist();
    }

    @Test
    void withTooFewLabelsForCrossValidationItStillTrainsAndTheReportIsComputedOnTheLabels() {
        seed(db, 6);
        ModelTrainer.Result r = trainer.train(5, 7, TrainingListener.NONE);
        assertThat(r.crossValidation()).isNull();
        assertThat(r.note()).startsWith("too few labels for 5-fold cross-validation (the rarest label has 6)");
        assertThat(registry.find(r.model().id()).orElseThrow().accuracy()).isNull();

        ModelEvaluation computed = evaluations.of(r.model().id());
        assertThat(computed.report().total()).isEqualTo(18);
        assertThat(computed.basis()).startsWith("scored now on the database's 18 labels");
    }

    @Test
    void noLabelsIsAClearError() {
        assertThatThrownBy(() -> trainer.train(5, 7, TrainingListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no labels in the database to train on");
        assertThatThrownBy(() -> evaluations.of("embedded-nope")).hasMessage("no registered model with id embedded-nope");
    }

    @Test
    void aReportComesBackFromItsJsonAndBadJsonIsRefused() throws Exception {
        EvaluationReport r = EvaluationReport.of(new int[]{0, 0, 1, 2, 2}, new int[]{0, 1, 1, 2, 0});
        assertThat(EvaluationReport.fromJson(r.toJson()).confusion()).isDeepEqualTo(r.confusion());
        var json = new ObjectMapper();
        assertThatThrownBy(() -> EvaluationReport.fromJson(json.readTree("{\"accuracy\":0.5}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the metrics hold no 3x3 confusion matrix");
        assertThatThrownBy(() -> EvaluationReport.fromJson(json.readTree("{\"confusion\":{\"matrix\":[[1,2,3],[1,-2,3],[1,2,3]]}}")))
                .hasMessage("confusion cell 2,2 is not a count");
    }
}
