package com.bizcharts.store.retention;

import com.bizcharts.store.Database;
import com.bizcharts.store.SqlBatches;
import com.bizcharts.store.UtcTime;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.bizcharts.store.schema.Tables.CATALOG_SNAPSHOTS;
import static com.bizcharts.store.schema.Tables.GOLDEN_SET;
import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/**
 * Applies the retention policy ({@code bizcharts maintain}). The database part runs in one transaction; with
 * {@code dryRun} the same queries count instead of change. Anything a person or a teacher labeled is never deleted,
 * and neither is its thumbnail.
 */
public final class Maintenance {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

    private final Database db;
    private final Path imagesDir;
    private final Clock clock;

    public Maintenance(Database db, Path imagesDir, Clock clock) {
        this.db = db;
        this.imagesDir = imagesDir;
        this.clock = clock;
    }

    public RetentionReport run(RetentionPolicy policy, boolean dryRun) {
        Instant now = clock.instant();
        int[] counts = db.write(ctx -> {
            Condition oldHtml = THREAD_OPS.OP_HTML.isNotNull()
                    .and(THREAD_OPS.POSTED_AT.lt(UtcTime.format(now.minus(policy.fullHtml()))));
            Condition expired = THREAD_OPS.POSTED_AT.lt(UtcTime.format(now.minus(policy.threadMetadata())))
                    .and(THREAD_OPS.REPLY_COUNT.lt((long) policy.keepThreadsWithReplies()))
                    .and(THREAD_OPS.THREAD_ID.notIn(ctx.select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS)))
                    .and(THREAD_OPS.THREAD_ID.notIn(ctx.select(TEACHER_LABELS.THREAD_ID).from(TEACHER_LABELS)))
                    .and(THREAD_OPS.THREAD_ID.notIn(ctx.select(GOLDEN_SET.THREAD_ID).from(GOLDEN_SET)));
            int html = dryRun ? ctx.fetchCount(THREAD_OPS, oldHtml)
                    : ctx.update(THREAD_OPS).setNull(THREAD_OPS.OP_HTML).where(oldHtml).execute();
            int threads = dryRun ? ctx.fetchCount(THREAD_OPS, expired) : ctx.deleteFrom(THREAD_OPS).where(expired).execute();
            int hourly = thinSnapshots(ctx, now.minus(policy.snapshotsHourly()), now.minus(policy.snapshotsFull()),
                    13, "hourly", dryRun);
            int daily = thinSnapshots(ctx, Instant.EPOCH, now.minus(policy.snapshotsHourly()), 10, "daily", dryRun);
            return new int[]{html, threads, hourly, daily};
        });
        long[] thumbs = pruneThumbnails(policy, now, dryRun);
        return new RetentionReport(dryRun, counts[0], counts[1], counts[2], counts[3], (int) thumbs[0], thumbs[1]);
    }

    /**
     * The optional last step of {@code maintain --vacuum}: gives deleted pages back to the disk and refreshes the
     * query planner's statistics. Returns the database file size before and after, in bytes.
     */
    public long[] compact() {
        long before = fileSize();
        db.compact();
        return new long[]{before, fileSize()};
    }

    private long fileSize() {
        try {
            Path wal = db.file().resolveSibling(db.file().getFileName() + "-wal");
            return Files.size(db.file()) + (Files.isRegularFile(wal) ? Files.size(wal) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot size " + db.file(), e);
        }
    }

    /**
     * Keeps the first snapshot of each hour (prefix length 13 of the ISO time) or day (10) in [from, to) and
     * deletes the rest; returns how many were (or would be) deleted.
     */
    private static int thinSnapshots(DSLContext ctx, Instant from, Instant to, int bucketChars, String granularity,
                                     boolean dryRun) {
        var rows = ctx.select(CATALOG_SNAPSHOTS.ID, CATALOG_SNAPSHOTS.SNAPSHOT_AT).from(CATALOG_SNAPSHOTS)
                .where(CATALOG_SNAPSHOTS.SNAPSHOT_AT.ge(UtcTime.format(from)))
                .and(CATALOG_SNAPSHOTS.SNAPSHOT_AT.lt(UtcTime.format(to)))
                .orderBy(CATALOG_SNAPSHOTS.SNAPSHOT_AT, CATALOG_SNAPSHOTS.ID).fetch();
        Set<String> seen = new HashSet<>();
        List<Long> drop = new ArrayList<>();
        List<Long> keep = new ArrayList<>();
        for (var r : rows) {
            if (seen.add(r.value2().substring(0, bucketChars))) keep.add(r.value1());
            else drop.add(r.value1());
        }
        if (!dryRun && !drop.isEmpty()) {
            // a season of minutely polls is ~100,000 snapshots: bounded IN lists (SqlBatches)
            for (List<Long> ids : SqlBatches.idChunks(drop)) ctx.deleteFrom(CATALOG_SNAPSHOTS).where(CATALOG_SNAPSHOTS.ID.in(ids)).execute();
            for (List<Long> ids : SqlBatches.idChunks(keep)) {
                ctx.update(CATALOG_SNAPSHOTS).set(CATALOG_SNAPSHOTS.GRANULARITY, granularity).where(CATALOG_SNAPSHOTS.ID.in(ids)).execute();
            }
        }
        return drop.size();
    }

    /**
     * Deletes thumbnails past the age limit, then the oldest until under budget; those of posts a person or a
     * teacher labeled (or in the golden set) are kept, since the image models train on them.
     */
    private long[] pruneThumbnails(RetentionPolicy policy, Instant now, boolean dryRun) {
        if (!Files.isDirectory(imagesDir)) return new long[]{0, 0};
        Map<String, Long> labeledThumbs = new HashMap<>();
        db.read().select(THREAD_OPS.THUMBNAIL_PATH, THREAD_OPS.THREAD_ID).from(THREAD_OPS)
                .where(THREAD_OPS.THUMBNAIL_PATH.isNotNull())
                .and(THREAD_OPS.THREAD_ID.in(db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS))
                        .or(THREAD_OPS.THREAD_ID.in(db.read().select(TEACHER_LABELS.THREAD_ID).from(TEACHER_LABELS)))
                        .or(THREAD_OPS.THREAD_ID.in(db.read().select(GOLDEN_SET.THREAD_ID).from(GOLDEN_SET))))
                .forEach(r -> labeledThumbs.put(r.value1(), r.value2()));
        record Thumb(Path path, String rel, Instant modified, long size) {}
        List<Thumb> thumbs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(imagesDir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                String rel = imagesDir.relativize(p).toString().replace('\\', '/');
                thumbs.add(new Thumb(p, rel, a.lastModifiedTime().toInstant(), a.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + imagesDir, e);
        }
        thumbs.sort(Comparator.comparing(Thumb::modified));
        long total = thumbs.stream().mapToLong(Thumb::size).sum();
        Instant tooOld = now.minus(policy.thumbnailMaxAge());
        int deleted = 0;
        long freed = 0;
        List<String> clearedPaths = new ArrayList<>();
        for (Thumb t : thumbs) {
            boolean old = t.modified().isBefore(tooOld);
            boolean overBudget = total - freed > policy.thumbnailBudgetBytes();
            if (!(old || overBudget) || labeledThumbs.containsKey(t.rel())) continue;
            if (!dryRun) {
                try {
                    Files.deleteIfExists(t.path());
                } catch (IOException e) {
                    log.warn("could not delete {}: {}", t.path(), e.getMessage());
                    continue;
                }
                clearedPaths.add(t.rel());
            }
            deleted++;
            freed += t.size();
        }
        if (!clearedPaths.isEmpty()) {
            db.writeVoid(ctx -> SqlBatches.idChunks(clearedPaths).forEach(paths -> ctx.update(THREAD_OPS)
                    .setNull(THREAD_OPS.THUMBNAIL_PATH).where(THREAD_OPS.THUMBNAIL_PATH.in(paths)).execute()));
        }
        return new long[]{deleted, freed};
    }
}
