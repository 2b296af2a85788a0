package com.bizcharts.learn.teacher;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.learn.teacher.TeacherLabelRepository.TeacherKey;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.bizcharts.store.schema.Tables.TEACHER_FAILURES;
import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.assertj.core.api.Assertions.assertThat;

class AutolabelRunTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Pattern POST = Pattern.compile("post (\\d+)");
    private final TeacherKey key = new TeacherKey(TeacherProvider.COMPATIBLE, "m", TeacherPrompt.VERSION);

    /** Post 5 gets a malformed answer, post 7 a refusal, the rest a label from their number. */
    private static FakeTeacherServer.Response answer(FakeTeacherServer.Seen req) {
        Matcher m = POST.matcher(req.body());
        int n = m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (n == 5) return FakeTeacherServer.Response.ok(FakeTeacherServer.openAiAnswer("probably bullish?", 50, 5));
        if (n == 7) return FakeTeacherServer.Response.ok(FakeTeacherServer.openAiAnswer("I'm sorry, I can't help with that.", 50, 8));
        String label = SentimentLabel.ofIndex(n % 3).word();
        return FakeTeacherServer.Response.ok(FakeTeacherServer.openAiAnswer(
                "{\"label\":\"" + label + "\",\"confidence\":0.9,\"sarcasm\":false,\"rationale\":\"r\"}", 100, 10));
    }

    @Test
    void labelsInCheckpointedBatchesRecordsFailuresAndResumesExactly(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        Files.write(images.resolve("1s.jpg"), new byte[]{(byte) 0xFF, (byte) 0xD8, 1});
        try (Database db = Database.open(dir.resolve("a.db"));
             FakeTeacherServer server = new FakeTeacherServer(AutolabelRunTest::answer)) {
            for (int i = 1; i <= 9; i++) LearnFixtures.post(db, i, "", "post " + i, i == 1 ? "1s.jpg" : null, T0);
            LearnFixtures.label(db, 1, 2, T0); // a human label that must stay untouched
            TeacherLabelRepository repo = new TeacherLabelRepository(db);
            HttpTeacherClient client = new HttpTeacherClient(TeacherProvider.COMPATIBLE, server.baseUrl(), "m", null,
                    Duration.ZERO, HttpTeacherClient.Retry.standard(), d -> {}, Duration.ofSeconds(5));
            AutolabelRun run = new AutolabelRun(db, repo, client, key, images, Clock.fixed(T0, ZoneOffset.UTC));

            // First run is cancelled after its first checkpoint (batch of 3).
            AtomicBoolean cancel = new AtomicBoolean();
            AutolabelRun.Summary first = run.run(new AutolabelRun.Options(100, 3, false, 2),
                    (l, f, p) -> cancel.set(true), cancel::get);
            assertThat(first.cancelled()).isTrue();
            assertThat(first.labeled()).isEqualTo(3);
            int requestsSoFar = server.requests.size();
            assertThat(requestsSoFar).isEqualTo(3);
            assertThat(server.requests.get(0).body()).contains("data:image/jpeg;base64,");
            assertThat(server.requests.get(1).body()).doesNotContain("image_url");

            AutolabelRun.Summary resumed = run.run(new AutolabelRun.Options(100, 3, true, 2), (l, f, p) -> {}, () -> false);
            assertThat(resumed.runId()).isEqualTo(first.runId());
            assertThat(resumed.labeled()).isEqualTo(4);   // 4, 6, 8, 9
            assertThat(resumed.failed()).isEqualTo(2);    // 5 malformed (asked twice), 7 refused (asked once)
            assertThat(server.requests.size() - requestsSoFar).isEqualTo(7);
            assertThat(repo.labels(key)).extracting(TeacherLabelRepository.StoredLabel::threadId)
                    .containsExactly(1L, 2L, 3L, 4L, 6L, 8L, 9L);
            assertThat(repo.labels(key).get(0).label()).isEqualTo(SentimentLabel.NEUTRAL); // 1 % 3 = 1
            assertThat(repo.pending(key, Long.MIN_VALUE, 100)).isEmpty();
            assertThat(repo.lastUnfinishedRun(key)).isEmpty();

            // Human labels are a separate table and were not touched.
            assertThat(db.read().fetchCount(TRAINING_LABELS)).isEqualTo(1);
            AgreementReport agreement = repo.agreement(key);
            assertThat(agreement.n()).isEqualTo(1);
            assertThat(agreement.accuracy()).isEqualTo(1.0);

            // Failures are retried only on request.
            assertThat(repo.clearFailures(key)).isEqualTo(2);
            assertThat(repo.pending(key, Long.MIN_VALUE, 100)).extracting(TeacherLabelRepository.PendingPost::threadId)
                    .containsExactly(5L, 7L);
        }
    }

    @Test
    void aFatalErrorStopsTheRunAndKeepsWhatWasDone(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("a.db"));
             FakeTeacherServer server = new FakeTeacherServer(req -> new FakeTeacherServer.Response(401,
                     "{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}", null))) {
            LearnFixtures.post(db, 1, "", "post 1", null, T0);
            TeacherLabelRepository repo = new TeacherLabelRepository(db);
            HttpTeacherClient client = new HttpTeacherClient(TeacherProvider.COMPATIBLE, server.baseUrl(), "m", null,
                    Duration.ZERO, HttpTeacherClient.Retry.standard(), d -> {}, Duration.ofSeconds(5));
            AutolabelRun.Summary s = new AutolabelRun(db, repo, client, key, dir, Clock.systemUTC())
                    .run(new AutolabelRun.Options(10, 5, false, 2), (l, f, p) -> {}, () -> false);
            assertThat(s.stoppedBy()).startsWith("HTTP 401");
            assertThat(s.labeled()).isZero();
            assertThat(s.failed()).isZero(); // a bad key is not the post's fault: it stays pending
            assertThat(repo.pending(key, Long.MIN_VALUE, 10)).hasSize(1);
        }
    }

    @Test
    void aServerEchoingTheKeyNeverGetsItStoredNorTheRationaleIt(@TempDir Path dir) throws Exception {
        String echo = "{\"error\":{\"message\":\"upstream failed for sk-test-XYZ (Authorization: Bearer sk-test-XYZ)\","
                + "\"type\":\"server_error\"}}";
        try (Database db = Database.open(dir.resolve("a.db"));
             FakeTeacherServer server = new FakeTeacherServer(req -> req.body().contains("post 4")
                     ? FakeTeacherServer.Response.ok(FakeTeacherServer.openAiAnswer("{\"label\":\"bullish\",\"confidence\":0.9,"
                       + "\"sarcasm\":false,\"rationale\":\"the post pastes a key: sk-test-XYZ\"}", 10, 5))
                     : new FakeTeacherServer.Response(500, echo, null))) {
            for (int i = 1; i <= 4; i++) LearnFixtures.post(db, i, "", "post " + i, null, T0);
            TeacherLabelRepository repo = new TeacherLabelRepository(db);
            HttpTeacherClient client = new HttpTeacherClient(TeacherProvider.COMPATIBLE, server.baseUrl(), "m", "sk-test-XYZ",
                    Duration.ZERO, HttpTeacherClient.Retry.standard(), d -> {}, Duration.ofSeconds(5));
            AutolabelRun.Summary s = new AutolabelRun(db, repo, client, key, dir, Clock.systemUTC())
                    .run(new AutolabelRun.Options(10, 5, false, 2), (l, f, p) -> {}, () -> false);

            assertThat(server.requests.get(0).authorization()).isEqualTo("Bearer sk-test-XYZ"); // the key was sent
            assertThat(s.failed()).isEqualTo(3);
            assertThat(s.labeled()).isEqualTo(1);
            var details = db.read().select(TEACHER_FAILURES.DETAIL).from(TEACHER_FAILURES).fetch(TEACHER_FAILURES.DETAIL);
            assertThat(details).hasSize(3).allSatisfy(d -> assertThat(d).contains("HTTP 500").contains("[redacted]")
                    .doesNotContain("sk-test-XYZ"));
            assertThat(s.lastFailure()).doesNotContain("sk-test-XYZ");
            String rationale = db.read().select(TEACHER_LABELS.RATIONALE).from(TEACHER_LABELS).fetchOne(TEACHER_LABELS.RATIONALE);
            assertThat(rationale).isEqualTo("the post pastes a key: [redacted]");
        }
    }
}
