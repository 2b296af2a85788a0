package com.bizcharts.app;

import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.ui.TestWorkstation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine's services against other real processes on the same SQLite file. */
class LiveEngineProcessesTest {

    @TempDir Path dir;

    static void storePosts(Engine engine, int n) {
        Instant t0 = Instant.parse("2025-11-01T00:00:00Z");
        String[] texts = {"wagmi so back, moon", "it's over, rekt, dumping", "what wallet do you use", "green candles lfg"};
        List<ThreadOp> ops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ops.add(new ThreadOp(10_000 + i, "biz", "", null, texts[i % 4] + " " + i, "Anonymous", null, t0.plusSeconds(60L * i),
                    i % 9, 1, null, null, false, false, ThreadOp.Source.WAROSU));
        }
        engine.collecting().threads().upsert(ops, t0);
    }

    private Path config() {
        // the settings TestWorkstation writes, read back so a child process uses the very same file
        return dir.resolve("settings.toml");
    }

    @Test
    void anActivationFromAnotherProcessIsNoticedAndEveryPostIsScoredWithTheNewModel() throws Exception {
        try (Engine engine = TestWorkstation.engine(dir, "http://127.0.0.1:9", "http://127.0.0.1:9")) {
            storePosts(engine, 200);
            engine.startServices();
            assertThat(engine.scoring().service().awaitIdle(Duration.ofSeconds(60))).isTrue();
            String before = engine.scoring().activeModel().id();
            assertThat(engine.scoring().predictions().count(before)).isEqualTo(200);

            EmbeddedModel other = com.bizcharts.learn.FixtureModels.train(engine.scoring().signals(), dir, 5);
            Path otherDir = dir.resolve("other-model");
            EmbeddedModelFormat.save(other, otherDir);

            Process child = ChildCli.start(dir.resolve("child.log"), "--config", config().toString(), "models", "activate",
                    otherDir.toString());
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!engine.scoring().activeModel().id().startsWith(other.metadata().id()) && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(engine.scoring().activeModel().id()).startsWith(other.metadata().id());
            assertThat(engine.scoring().service().awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(engine.scoring().predictions().count(engine.scoring().activeModel().id())).isEqualTo(200);
            assertThat(engine.scoring().predictions().count(before)).as("the old model's predictions stay").isEqualTo(200);
        }
    }

    @Test
    void aRescoreKilledWithSigkillResumesAndCompletesWithoutDuplicatesOrTouchingLabels() throws Exception {
        int posts = 20_000;
        String labelsBefore;
        String model;
        try (Engine engine = TestWorkstation.engine(dir, "http://127.0.0.1:9", "http://127.0.0.1:9")) {
            storePosts(engine, posts);
            for (int i = 0; i < 50; i++) {
                engine.labelling().labels().save(Label.rated(10_000 + i * 7, i % 3 + 1, "default", Instant.parse("2025-12-01T00:00:00Z"), "t" + i, null));
            }
            labelsBefore = labels(engine.database());
            model = engine.scoring().activeModel().id();
        }
        // small chunks, one thread: the child is still scoring when it is killed
        Files.writeString(config(), Files.readString(config()) + "\n[scoring]\nbatch = 16\nthreads = 1\n");
        Process child = ChildCli.start(dir.resolve("score.log"), "--config", config().toString(), "score", "--threads", "1");
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Database watcher = Database.open(dir.resolve("ui.db"))) {
            while (seen == 0 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
                seen = watcher.read().fetchCount(PREDICTIONS);
            }
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int afterKill;
        try (Database db = Database.open(dir.resolve("ui.db"))) {
            afterKill = db.read().fetchCount(PREDICTIONS);
            assertThat(String.valueOf(db.read().fetchValue("PRAGMA integrity_check"))).isEqualTo("ok");
        }
        assertThat(afterKill).as(Files.readString(dir.resolve("score.log"))).isGreaterThan(0).isLessThan(posts);
        assertThat(afterKill % 16).as("only whole chunks were stored").isZero();

        try (Engine engine = new Engine(Settings.load(config(), true))) {
            engine.startServices(); // resumes: scores only what is missing for the active model
            assertThat(engine.scoring().service().awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(engine.scoring().activeModel().id()).isEqualTo(model);
            assertThat(engine.scoring().predictions().count(model)).isEqualTo(posts);
            assertThat(engine.database().read().fetchCount(PREDICTIONS)).isEqualTo(posts);
            assertThat(((Number) engine.database().read().fetchValue(
                    "SELECT COUNT(*) FROM (SELECT thread_id FROM predictions GROUP BY thread_id, model_id HAVING COUNT(*) > 1)"))
                    .intValue()).isZero();
            assertThat(engine.scoring().service().status().scored()).isEqualTo(posts - afterKill);
            assertThat(labels(engine.database())).isEqualTo(labelsBefore);
        }
    }

    private static String labels(Database db) {
        return db.read().selectFrom(TRAINING_LABELS).orderBy(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.LABELER_ID).fetch().formatCSV();
    }
}
