package com.bizcharts.learn.retrain;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.embedded.SlangTally;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;

import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static org.assertj.core.api.Assertions.assertThat;

class GuardedRetrainTest {

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    private static final String[][] WORDS = {
            {"dump", "rekt", "crash", "over", "bleeding", "sell", "dead"},
            {"question", "what", "anyone", "thoughts", "where", "how", "general"},
            {"moon", "pump", "wagmi", "green", "send", "lambo", "rally"}};
    /** Words of a later market the shipped-default stand-in never saw (invented, so no lexicon knows them either). */
    private static final String[][] NEW_WORDS = {
            {"glorp", "vexil", "murko", "drabbo", "quenth", "sorvu", "flonk"},
            {"tabu", "wendle", "orrin", "pashi", "kettix", "lumo", "briskel"},
            {"zinga", "hoopz", "yarro", "fizzmo", "tundle", "pimbo", "sparxo"}};
    private static final SentimentSignals SIGNALS =
            new SentimentSignals(new SlangTally(), img -> ImageReading.absent(ImageStatus.MISSING));
    private static final GuardedRetrain.Options NO_PSEUDO = new GuardedRetrain.Options(0.8, false, 2000, 0.3, 0.2, 42);

    private static String text(String[][] words, int cls, int i) {
        String[] w = words[cls];
        return w[i % 7] + " " + w[(i + 2) % 7] + " " + w[(i + 4) % 7] + " thread " + i;
    }

    /** {@code n} labeled posts from {@code firstId}, the three labels in turn. */
    private static void labeled(Database db, String[][] words, long firstId, int n, Instant at) {
        for (int i = 0; i < n; i++) {
            LearnFixtures.post(db, firstId + i, "", text(words, i % 3, i), null, at);
            LearnFixtures.label(db, firstId + i, i % 3 + 1, at.plusSeconds(i));
        }
    }

    private static void teacher(Database db, long id, int rating) {
        db.writeVoid(ctx -> ctx.insertInto(TEACHER_LABELS).set(TEACHER_LABELS.THREAD_ID, id)
                .set(TEACHER_LABELS.PROVIDER, "compatible").set(TEACHER_LABELS.MODEL, "m").set(TEACHER_LABELS.PROMPT_VERSION, "v")
                .set(TEACHER_LABELS.RATING, (long) rating).set(TEACHER_LABELS.CONFIDENCE, 0.99)
                .set(TEACHER_LABELS.LABELED_AT, UtcTime.format(T0)).execute());
    }

    /** A stand-in for the shipped default: trained on every label in the database, as `train` would do. */
    private static EmbeddedModel trainDefault(Database db, Path dir, Path modelDir) {
        TrainingSet all = TrainingSet.fromDatabase(db, dir);
        EmbeddedModel model = new EmbeddedTrainer(SIGNALS.lexicon(), SIGNALS.images())
                .train(all.posts(), EmbeddedTrainer.Options.standard(), all.provenance("test default", T0));
        EmbeddedModelFormat.save(model, modelDir);
        return model;
    }

    private static GuardedRetrain retrain(Database db, Path dir, Path defaultModel, ModelRegistry registry, GoldenSet golden,
                                          Clock clock) {
        return new GuardedRetrain(db, dir, dir.resolve("models"), SIGNALS, registry, new ModelLoader(defaultModel, SIGNALS),
                golden, clock);
    }

    @Test
    void promotesAGoodCandidateAndRefusesOneTrainedOnBadTeacherLabels(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            labeled(db, WORDS, 1000, 150, T0);
            for (int i = 0; i < 30; i++) LearnFixtures.post(db, 5000 + i, "", text(WORDS, i % 3, i + 500), null, T0);
            Clock clock = Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
            ModelRegistry registry = new ModelRegistry(db, clock);
            GoldenSet golden = new GoldenSet(db, clock);
            GuardedRetrain retrain = retrain(db, dir, dir.resolve("no-default"), registry, golden, clock);

            GuardedRetrain.Outcome first = retrain.run(new GuardedRetrain.Options(0.8, true, 2000, 0.3, 0.2, 42, true));
            assertThat(golden.threadIds()).hasSize(30);
            assertThat(first.decided()).as(first.reason()).isTrue();
            assertThat(first.candidate().macroF1()).isGreaterThan(0.9);
            assertThat(first.promoted()).isTrue();
            assertThat(registry.active().orElseThrow().id()).isEqualTo(first.candidateId());
            assertThat(first.lineage().get("human").asInt()).isEqualTo(120);    // 150 minus the 30 golden posts
            assertThat(first.lineage().get("golden").asInt()).isEqualTo(30);
            assertThat(first.lineage().get("augmented").asInt()).isEqualTo(first.lineage().get("pseudo").asInt());
            assertThat(registry.lineage(first.candidateId())).contains("\"training_sha256\"");

            // A teacher that labels 400 look-alike posts with the wrong class drags the candidate down: refused. Both
            // candidates left the golden set out, so all of it judges them.
            for (int i = 0; i < 400; i++) {
                int cls = i % 3;
                LearnFixtures.post(db, 9000 + i, "", text(WORDS, cls, i + 1000), null, T0);
                teacher(db, 9000 + i, ((cls + 1) % 3) + 1);
            }
            GuardedRetrain.Outcome second = retrain.run(NO_PSEUDO);
            assertThat(second.judgedOn().threadIds()).isEqualTo(golden.threadIds());
            assertThat(second.lineage().get("teacher").asInt()).isEqualTo(400);
            assertThat(second.candidate().macroF1()).isLessThan(second.active().macroF1());
            assertThat(second.promoted()).isFalse();
            assertThat(second.reason()).startsWith("kept the active model").contains("30 golden posts neither model trained on (of 30)");
            assertThat(registry.active().orElseThrow().id()).isEqualTo(first.candidateId());
            assertThat(registry.find(second.candidateId())).isPresent();       // registered for inspection all the same
        }
    }

    @Test
    void aDefaultTrainedOnTheGoldenPostsIsJudgedOnlyOnPostsNeitherModelSaw(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            labeled(db, WORDS, 1000, 150, T0);
            Clock clock = Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
            EmbeddedModel shipped = trainDefault(db, dir, dir.resolve("default"));
            ModelRegistry registry = new ModelRegistry(db, clock);
            GoldenSet golden = new GoldenSet(db, clock);
            golden.freeze(0.2, 42);                                            // 30 posts, every one in the default's training
            GuardedRetrain retrain = retrain(db, dir, dir.resolve("default"), registry, golden, clock);

            GuardedRetrain.Outcome blind = retrain.run(NO_PSEUDO);
            assertThat(blind.decided()).isFalse();
            assertThat(blind.promoted()).isFalse();
            assertThat(blind.judgedOn().threadIds()).isEmpty();
            assertThat(blind.judgedOn().seenByActive()).isEqualTo(30);
            assertThat(blind.reason()).startsWith("too few unseen golden posts (0 of 30; the active model " + shipped.id()
                    + " trained on the rest): not deciding").contains("learn golden --freeze")
                    .contains("models activate " + blind.candidateId());
            assertThat(registry.active()).as("the default keeps scoring").isEmpty();
            assertThat(registry.find(blind.candidateId())).as("registered, for inspection or a deliberate activation").isPresent();
            assertThat(blind.lineage().has("golden_macro_f1")).isFalse();

            // A later market: new labels, and the golden set topped up with some of them.
            labeled(db, NEW_WORDS, 3000, 150, T0.plusSeconds(3_600));
            golden.freeze(0.4, 7);
            Set<Long> unseen = golden.threadIds().stream().filter(id -> id >= 3000).collect(Collectors.toSet());
            assertThat(unseen).hasSizeGreaterThanOrEqualTo(UnseenGolden.MINIMUM);

            GuardedRetrain.Outcome fair = retrain.run(NO_PSEUDO);
            assertThat(fair.judgedOn().threadIds()).as("the golden posts outside both training sets").isEqualTo(unseen);
            assertThat(fair.judgedOn().seenByActive()).isEqualTo(golden.threadIds().size() - unseen.size());
            assertThat(fair.judgedOn().seenByCandidate()).isZero();
            assertThat(fair.candidate().macroF1()).isGreaterThan(fair.active().macroF1());
            assertThat(fair.promoted()).isTrue();
            assertThat(fair.reason()).startsWith("promoted: golden macro-F1")
                    .contains(unseen.size() + " golden posts neither model trained on (of " + golden.threadIds().size() + ")");
            assertThat(registry.active().orElseThrow().id()).isEqualTo(fair.candidateId());
            assertThat(fair.lineage().get("golden_unseen").asInt()).isEqualTo(unseen.size());
        }
    }

    @Test
    void anActiveModelWithNoRecordedTrainingIsJudgedAsIfItSawNoneAndTheVerdictSaysSo(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            labeled(db, WORDS, 1000, 150, T0);
            Clock clock = Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
            EmbeddedModel trained = trainDefault(db, dir, dir.resolve("old"));
            EmbeddedModel older = trained.withMetadata(trained.metadata().withTraining(
                    trained.metadata().training().withThreadIds(null)));
            EmbeddedModelFormat.save(older, dir.resolve("old"));
            ModelRegistry registry = new ModelRegistry(db, clock);
            GoldenSet golden = new GoldenSet(db, clock);
            GuardedRetrain.Outcome r = retrain(db, dir, dir.resolve("old"), registry, golden, clock).run(NO_PSEUDO);

            assertThat(r.decided()).isTrue();
            assertThat(r.judgedOn().threadIds()).isEqualTo(golden.threadIds());
            assertThat(r.reason()).contains(older.id() + " records no training posts (trained before they were recorded): "
                    + "judged as if it trained on none of the golden posts, which can only favour it");
        }
    }
}
