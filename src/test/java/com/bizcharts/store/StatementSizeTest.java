package com.bizcharts.store;

import com.bizcharts.sentiment.scoring.PredictionRepository;
import com.bizcharts.store.labels.LabelQueue;
import com.bizcharts.store.labels.QueueFilter;
import com.bizcharts.store.retention.Maintenance;
import com.bizcharts.store.retention.RetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static com.bizcharts.store.schema.Tables.CATALOG_SNAPSHOTS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements over collections of any size stay within what jOOQ binds and SQLite accepts: each case here was one
 * statement of more than 1,000,000 bytes (SQLITE_TOOBIG) before it was split.
 */
class StatementSizeTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir Path dir;

    private static ThreadOp op(long id) {
        return new ThreadOp(id, "biz", null, null, "post " + id, null, null, NOW.minusSeconds(id % 1000), 0, 0, null, null,
                false, false, ThreadOp.Source.LIVE);
    }

    /** 130,000 seven-digit ids: about 1.2 MB as an inlined IN list. */
    private static List<Long> manyIds() {
        return LongStream.range(1_000_000, 1_130_000).boxed().toList();
    }

    @Test
    void readsOfManyPostsAreSplitIntoBoundedQueries() {
        try (Database db = Database.open(dir.resolve("s.db"))) {
            ThreadRepository threads = new ThreadRepository(db);
            threads.upsert(List.of(op(1_000_001), op(1_129_999)), NOW);
            List<Long> ids = manyIds();
            assertThat(threads.findAll(ids)).extracting(ThreadOp::threadId).containsExactlyInAnyOrder(1_000_001L, 1_129_999L);
            assertThat(new ImageTextRepository(db).texts(ids)).isEmpty();
            assertThat(new PredictionRepository(db).inputs(ids, dir)).extracting(p -> p.threadId())
                    .containsExactly(1_129_999L, 1_000_001L);
            assertThat(new LabelQueue(db, threads, l -> l).matching(QueueFilter.everything(), "alice", ids))
                    .containsExactly(1_000_001L, 1_129_999L); // newest first: 1_000_001 was posted later
        }
    }

    @Test
    void manyObservationsAreStoredInBoundedStatements() {
        try (Database db = Database.open(dir.resolve("o.db"))) {
            new ThreadRepository(db).upsert(List.of(op(1_000_000)), NOW);
            // about 45 bytes a row inlined: 1.35 MB in one statement
            List<CatalogSnapshotRepository.Sighting> sightings = new ArrayList<>();
            for (int i = 0; i < 30_000; i++) sightings.add(new CatalogSnapshotRepository.Sighting(1_000_000, 10_000 + i, 1, 2));
            db.writeVoid(ctx -> new CatalogSnapshotRepository().addObservations(ctx, sightings, NOW));
            assertThat(db.read().fetchCount(THREAD_OBSERVATIONS)).isEqualTo(30_000);
        }
    }

    @Test
    void thinningASeasonOfSnapshotsDeletesThemInBoundedStatements() {
        try (Database db = Database.open(dir.resolve("m.db"))) {
            // 150,000 snapshots in one old hour: all but the first are thinned away (1.2 MB of ids inlined)
            db.writeVoid(ctx -> ctx.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000) "
                    + "INSERT INTO catalog_snapshots (snapshot_at, total_threads, avg_reply_count) "
                    + "SELECT '2026-05-01T10:' || printf('%02d', i % 60) || ':00.' || printf('%06d', i) || 'Z', 150, 1.0 FROM n"));
            RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(365), Duration.ofDays(7),
                    Duration.ofDays(90), 50, Duration.ofDays(180), 10_000);
            new Maintenance(db, dir.resolve("images"), Clock.fixed(NOW, ZoneOffset.UTC)).run(policy, false);
            assertThat(db.read().fetchCount(CATALOG_SNAPSHOTS)).isEqualTo(1);
        }
    }
}
