package com.bizcharts.store.retention;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.bizcharts.store.schema.Tables.CATALOG_SNAPSHOTS;
import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final RetentionPolicy POLICY = new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(365),
            Duration.ofDays(7), Duration.ofDays(90), 50, Duration.ofDays(180), 10_000);

    private static ThreadOp op(long id, Instant posted, int replies, String thumb) {
        return new ThreadOp(id, "biz", null, "<b>raw</b>", "clean " + id, null, null, posted, replies, 0, null, thumb,
                false, false, ThreadOp.Source.LIVE);
    }

    private static void snapshot(Database db, Instant at) {
        db.writeVoid(ctx -> ctx.insertInto(CATALOG_SNAPSHOTS).set(CATALOG_SNAPSHOTS.SNAPSHOT_AT, UtcTime.format(at))
                .set(CATALOG_SNAPSHOTS.TOTAL_THREADS, 150L).set(CATALOG_SNAPSHOTS.AVG_REPLY_COUNT, 10.0).execute());
    }

    @Test
    void appliesThePolicyAndNeverDropsLabeledOrBusyThreads(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("biz"));
        try (Database db = Database.open(dir.resolve("m.db"))) {
            ThreadRepository threads = new ThreadRepository(db);
            Instant twoYears = NOW.minus(Duration.ofDays(730));
            threads.upsert(List.of(
                    op(1, NOW.minus(Duration.ofDays(2)), 0, null),         // fresh: untouched
                    op(2, NOW.minus(Duration.ofDays(40)), 0, null),        // HTML stripped, kept
                    op(3, twoYears, 3, "biz/3s.jpg"),                       // expired: deleted
                    op(4, twoYears, 80, null),                              // expired but busy: kept
                    op(5, twoYears, 1, "biz/5s.jpg")), NOW);                // expired but labeled: kept
            new LabelRepository(db).save(Label.rated(5, 1, "alice", NOW, null, null));
            for (int m = 0; m < 4; m++) snapshot(db, NOW.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(15L * m)));
            for (int m = 0; m < 4; m++) snapshot(db, NOW.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(15L * m)));
            for (int h = 0; h < 5; h++) snapshot(db, NOW.minus(Duration.ofDays(120)).plus(Duration.ofHours(h)));
            Files.write(images.resolve("biz/3s.jpg"), new byte[4000]);
            Files.write(images.resolve("biz/5s.jpg"), new byte[4000]);
            Files.write(images.resolve("biz/9s.jpg"), new byte[4000]);
            Files.setLastModifiedTime(images.resolve("biz/9s.jpg"), FileTime.from(NOW.minus(Duration.ofDays(365))));
            Files.write(images.resolve("biz/10s.jpg"), new byte[4000]);
            Files.setLastModifiedTime(images.resolve("biz/10s.jpg"), FileTime.from(NOW.minus(Duration.ofDays(1))));
            Files.write(images.resolve("biz/11s.jpg"), new byte[4000]);
            Files.setLastModifiedTime(images.resolve("biz/11s.jpg"), FileTime.from(NOW.minus(Duration.ofDays(2))));

            Maintenance maintenance = new Maintenance(db, images, Clock.fixed(NOW, ZoneOffset.UTC));
            RetentionReport dry = maintenance.run(POLICY, true);
            assertThat(dry.htmlStripped()).isEqualTo(4);
            assertThat(dry.threadsDeleted()).isEqualTo(1);
            assertThat(dry.snapshotsToHourly()).isEqualTo(3);
            assertThat(dry.snapshotsToDaily()).isEqualTo(4);
            assertThat(dry.describe()).contains("would delete 1 threads");
            assertThat(threads.count()).isEqualTo(5);                       // a dry run changes nothing
            assertThat(db.read().fetchCount(CATALOG_SNAPSHOTS)).isEqualTo(13);

            RetentionReport real = maintenance.run(POLICY, false);
            assertThat(real.threadsDeleted()).isEqualTo(1);
            assertThat(threads.find(3)).isEmpty();
            assertThat(threads.find(4)).isPresent();
            assertThat(threads.find(5)).isPresent();
            assertThat(threads.find(2).orElseThrow().opHtml()).isNull();
            assertThat(threads.find(2).orElseThrow().opTextClean()).isEqualTo("clean 2");
            assertThat(threads.find(1).orElseThrow().opHtml()).isEqualTo("<b>raw</b>");
            assertThat(db.read().fetchCount(CATALOG_SNAPSHOTS)).isEqualTo(6);
            assertThat(new LabelRepository(db).count()).isEqualTo(1);

            // Thumbnails: 9 is too old; then the budget (10 kB) removes the oldest unlabeled ones; 5 is labeled.
            assertThat(Files.exists(images.resolve("biz/9s.jpg"))).isFalse();
            assertThat(Files.exists(images.resolve("biz/5s.jpg"))).isTrue();
            long remaining;
            try (var s = Files.list(images.resolve("biz"))) {
                remaining = s.mapToLong(p -> p.toFile().length()).sum();
            }
            assertThat(remaining).isLessThanOrEqualTo(10_000);
            assertThat(real.thumbnailsDeleted()).isEqualTo(3);
        }
    }

    @Test
    void compactGivesDeletedPagesBackAndAnalyzes(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("v.db"))) {
            String big = "x".repeat(20_000);
            List<ThreadOp> old = java.util.stream.LongStream.rangeClosed(1, 200)
                    .mapToObj(id -> new ThreadOp(id, "biz", null, big, "clean", null, null,
                            NOW.minus(Duration.ofDays(800)), 0, 0, null, null, false, false, ThreadOp.Source.LIVE))
                    .toList();
            new ThreadRepository(db).upsert(old, NOW);
            Maintenance maintenance = new Maintenance(db, dir.resolve("no-images"), Clock.fixed(NOW, ZoneOffset.UTC));
            assertThat(maintenance.run(POLICY, false).threadsDeleted()).isEqualTo(200);

            long[] size = maintenance.compact();
            assertThat(size[0]).isGreaterThan(2_000_000);
            assertThat(size[1]).isLessThan(size[0] / 10);
            assertThat(db.read().fetchCount(org.jooq.impl.DSL.table("sqlite_master"),
                    org.jooq.impl.DSL.field("name").eq("sqlite_stat1"))).isEqualTo(1);
            assertThat(new ThreadRepository(db).count()).isZero();
        }
    }

    @Test
    void teacherLabeledThreadsAndTheirThumbnailsAreKept(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("biz"));
        try (Database db = Database.open(dir.resolve("t.db"))) {
            Instant twoYears = NOW.minus(Duration.ofDays(730));
            new ThreadRepository(db).upsert(List.of(op(20, twoYears, 0, "biz/20s.jpg"), op(21, twoYears, 0, "biz/21s.jpg")), NOW);
            db.writeVoid(ctx -> ctx.insertInto(TEACHER_LABELS).set(TEACHER_LABELS.THREAD_ID, 20L)
                    .set(TEACHER_LABELS.PROVIDER, "openai").set(TEACHER_LABELS.MODEL, "m")
                    .set(TEACHER_LABELS.PROMPT_VERSION, "v1").set(TEACHER_LABELS.RATING, 3L)
                    .set(TEACHER_LABELS.CONFIDENCE, 0.9).set(TEACHER_LABELS.LABELED_AT, UtcTime.format(NOW)).execute());
            for (String name : List.of("20s.jpg", "21s.jpg")) {
                Files.write(images.resolve("biz").resolve(name), new byte[100]);
                Files.setLastModifiedTime(images.resolve("biz").resolve(name), FileTime.from(twoYears));
            }
            RetentionReport r = new Maintenance(db, images, Clock.fixed(NOW, ZoneOffset.UTC)).run(POLICY, false);
            assertThat(r.threadsDeleted()).isEqualTo(1);
            assertThat(r.thumbnailsDeleted()).isEqualTo(1);
            assertThat(new ThreadRepository(db).find(20)).isPresent();
            assertThat(Files.exists(images.resolve("biz/20s.jpg"))).isTrue();
            assertThat(Files.exists(images.resolve("biz/21s.jpg"))).isFalse();
        }
    }
}
