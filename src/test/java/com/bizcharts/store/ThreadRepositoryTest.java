package com.bizcharts.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static org.assertj.core.api.Assertions.assertThat;

class ThreadRepositoryTest {

    @TempDir Path dir;
    Database db;
    ThreadRepository repo;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("t.db"));
        repo = new ThreadRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static ThreadOp op(long id, int replies, String html, ThreadOp.Source source) {
        return new ThreadOp(id, "biz", "subj", html, "text " + id, "Anonymous", null,
                Instant.parse("2025-10-08T05:57:59Z"), replies, 1,
                new ThreadOp.ImageFile("pepe", ".jpg", 1234L, 500, 400, 250, 200, "abc==", false,
                        "https://i.example/biz/1.jpg", "https://i.example/biz/1s.jpg"),
                null, false, false, source);
    }

    @Test
    void openingCreatesTheSchemaInWalMode() {
        assertThat(db.read().fetchValue("PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(db.read().fetchValue("PRAGMA foreign_keys").toString()).isEqualTo("1");
    }

    @Test
    void upsertMergesAKnownThreadInsteadOfDuplicating() {
        Instant t1 = Instant.parse("2025-10-08T06:00:00Z");
        Instant t2 = Instant.parse("2025-10-08T07:00:00Z");
        assertThat(repo.upsert(List.of(op(1, 5, "<b>x</b>", ThreadOp.Source.LIVE)), t1)).isEqualTo(new ThreadRepository.UpsertCounts(1, 0));
        ThreadRepository.UpsertCounts second = repo.upsert(List.of(op(1, 3, null, ThreadOp.Source.WAROSU), op(2, 0, null, ThreadOp.Source.WAROSU)), t2);
        assertThat(second).isEqualTo(new ThreadRepository.UpsertCounts(1, 1));
        assertThat(repo.count()).isEqualTo(2);
        ThreadOp merged = repo.find(1).orElseThrow();
        assertThat(merged.replyCount()).as("counts never go backwards").isEqualTo(5);
        assertThat(merged.opHtml()).as("html kept when the newer sighting lacks it").isEqualTo("<b>x</b>");
        assertThat(merged.source()).as("first source kept").isEqualTo(ThreadOp.Source.LIVE);
        assertThat(merged.file().isStillImage()).isTrue();
    }

    @Test
    void everyFieldSurvivesTheRoundTripWithAndWithoutAFile() {
        ThreadOp.ImageFile file = new ThreadOp.ImageFile("pepe", ".png", 12345L, 800, 600, 250, 187,
                "abc123==", false, "https://i.4cdn.org/biz/1.png", "https://i.4cdn.org/biz/1s.jpg");
        ThreadOp full = new ThreadOp(10, "biz", "subj", "<b>hi</b>", "hi", "Anonymous", "!trip",
                Instant.parse("2025-10-08T05:59:00Z"), 7, 3, file, "10s.jpg", true, true, ThreadOp.Source.LIVE);
        ThreadOp bare = new ThreadOp(11, "biz", null, null, "text only", null, null,
                Instant.parse("2025-10-08T05:58:00Z"), 0, 0, null, null, false, false, ThreadOp.Source.IMPORT);
        repo.upsert(List.of(full, bare), Instant.parse("2025-10-08T06:00:00Z"));
        assertThat(repo.find(10)).contains(full);
        assertThat(repo.find(11)).contains(bare);
    }

    @Test
    void aLaterSightingWithoutAFileKeepsTheKnownFileAndSeenTimesSpanBoth() {
        ThreadOp.ImageFile file = new ThreadOp.ImageFile("a", ".jpg", 1L, 1, 1, 1, 1, "m", false, "u", "t");
        ThreadOp withFile = new ThreadOp(20, "biz", "s", null, "x", null, null, Instant.parse("2025-10-08T05:00:00Z"),
                1, 1, file, null, false, false, ThreadOp.Source.LIVE);
        ThreadOp withoutFile = new ThreadOp(20, "biz", null, null, "x", null, null,
                Instant.parse("2025-10-08T05:00:00Z"), 2, 1, null, null, false, false, ThreadOp.Source.WAROSU);
        repo.upsert(List.of(withFile), Instant.parse("2025-10-08T07:00:00Z"));
        repo.upsert(List.of(withoutFile), Instant.parse("2025-10-08T06:00:00Z"));
        ThreadOp merged = repo.find(20).orElseThrow();
        assertThat(merged.file()).isEqualTo(file);
        assertThat(merged.subject()).isEqualTo("s");
        assertThat(merged.replyCount()).isEqualTo(2);
        assertThat(db.read().fetchValue("select first_seen_at || ' ' || last_seen_at from thread_ops where thread_id = 20"))
                .isEqualTo("2025-10-08T06:00:00Z 2025-10-08T07:00:00Z");
    }

    @Test
    void aFailedWriteLeavesNothingPartial() {
        try {
            db.writeVoid(ctx -> {
                repo.upsert(ctx, List.of(op(7, 1, null, ThreadOp.Source.LIVE)), Instant.now());
                repo.addObservation(ctx, 999, Instant.now(), 1, 1, 1); // no such thread: FK violation
            });
        } catch (RuntimeException expected) {
            // the transaction must have rolled back
        }
        assertThat(repo.find(7)).isEmpty();
        assertThat(db.read().fetchCount(THREAD_OBSERVATIONS)).isZero();
    }
}
