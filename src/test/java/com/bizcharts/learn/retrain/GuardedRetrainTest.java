package com.bizcharts.learn.retrain;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.SentimentSignals;
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

import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static org.assertj.core.api.Assertions.assertThat;

class GuardedRetrainTest {

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    private static final String[][] WORDS = {
            {"dump", "rekt", "crash", "over", "bleeding", "sell", "dead"},
            {"question", "what", "anyone", "thoughts", "where", "how", "general"},
            {"moon", "pump", "wagmi", "green", "send", "lambo", "rally"}};

    private static String text(int cls, int i) {
        String[] w = WORDS[cls];
        return w[i % 7] + " " + w[(i + 2) % 7] + " " + w[(i + 4) % 7] + " thread " + i;
    }

    private static void teacher(Database db, long id, int rating) {
        db.writeVoid(ctx -> ctx.insertInto(TEACHER_LABELS).set(TEACHER_LABELS.THREAD_ID, id)
                .set(TEACHER_LABELS.PROVIDER, "compatible").set(TEACHER_LABELS.MODEL, "m").set(TEACHER_LABELS.PROMPT_VERSION, "v")
                .set(TEACHER_LABELS.RATING, (long) rating).set(TEACHER_LABELS.CONFIDENCE, 0.99)
                .set(TEACHER_LABELS.LABELED_AT, UtcTime.format(T0)).execute());
    }

    @Test
    void promotesAGoodCandidateAndRefusesOneTrainedOnBadTeacherLabels(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            for (int i = 0; i < 120; i++) {
                int cls = i % 3;
                LearnFixtures.post(db, 1000 + i, "", text(cls, i), null, T0);
                LearnFixtures.label(db, 1000 + i, cls + 1, T0.plusSeconds(i));
            }
            for (int i = 0; i < 30; i++) LearnFixtures.post(db, 5000 + i, "", text(i % 3, i + 500), null, T0);
            Clock clock = Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
            SentimentSignals signals = new SentimentSignals(new SlangTally(), img -> ImageReading.absent(ImageStatus.MISSING));
            ModelRegistry registry = new ModelRegistry(db, clock);
            GoldenSet golden = new GoldenSet(db, clock);
            GuardedRetrain retrain = new GuardedRetrain(db, dir, dir.resolve("models"), signals, registry,
                    new ModelLoader(dir.resolve("no-default"), signals), golden, clock);
            GuardedRetrain.Options options = new GuardedRetrain.Options(0.8, true, 2000, 0.3, 0.2, 42, true);

            GuardedRetrain.Outcome first = retrain.run(options);
            assertThat(golden.threadIds()).hasSize(24);
            assertThat(first.candidate().macroF1()).isGreaterThan(0.9);
            assertThat(first.promoted()).isTrue();
            assertThat(registry.active().orElseThrow().id()).isEqualTo(first.candidateId());
            assertThat(first.lineage().get("human").asInt()).isEqualTo(96);    // 120 minus the 24 golden posts
            assertThat(first.lineage().get("golden").asInt()).isEqualTo(24);
            assertThat(first.lineage().get("augmented").asInt()).isEqualTo(first.lineage().get("pseudo").asInt());
            assertThat(registry.lineage(first.candidateId())).contains("\"training_sha256\"");

            // A teacher that labels 400 look-alike posts with the wrong class drags the candidate down: refused.
            for (int i = 0; i < 400; i++) {
                int cls = i % 3;
                LearnFixtures.post(db, 9000 + i, "", text(cls, i + 1000), null, T0);
                teacher(db, 9000 + i, ((cls + 1) % 3) + 1);
            }
            GuardedRetrain.Outcome second = retrain.run(new GuardedRetrain.Options(0.8, false, 2000, 0.3, 0.2, 42));
            assertThat(second.lineage().get("teacher").asInt()).isEqualTo(400);
            assertThat(second.candidate().macroF1()).isLessThan(second.active().macroF1());
            assertThat(second.promoted()).isFalse();
            assertThat(second.reason()).startsWith("kept the active model");
            assertThat(registry.active().orElseThrow().id()).isEqualTo(first.candidateId());
            assertThat(registry.find(second.candidateId())).isPresent();       // registered for inspection all the same
        }
    }
}
