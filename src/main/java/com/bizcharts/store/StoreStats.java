package com.bizcharts.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static com.bizcharts.store.schema.Tables.CATALOG_SNAPSHOTS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.substring;

/** What is in the store: threads by source and by day, labels, snapshots, and the sizes on disk. */
public record StoreStats(Map<String, Integer> threadsBySource, Map<String, Integer> threadsByDay, int labels,
                         int snapshots, long databaseBytes, long imageFiles, long imageBytes) {

    /** @param days how many of the most recent posting days to list */
    public static StoreStats of(Database db, Path imagesDir, int days) {
        var ctx = db.read();
        Map<String, Integer> bySource = new LinkedHashMap<>();
        ctx.select(THREAD_OPS.SOURCE, count()).from(THREAD_OPS).groupBy(THREAD_OPS.SOURCE).orderBy(THREAD_OPS.SOURCE)
                .forEach(r -> bySource.put(r.value1(), r.value2()));
        Map<String, Integer> byDay = new LinkedHashMap<>();
        var day = substring(THREAD_OPS.POSTED_AT, 1, 10);
        ctx.select(day, count()).from(THREAD_OPS).groupBy(day).orderBy(day.desc()).limit(days)
                .forEach(r -> byDay.put(r.value1(), r.value2()));
        long dbBytes = size(db.file()) + size(db.file().resolveSibling(db.file().getFileName() + "-wal"));
        long[] images = folder(imagesDir);
        return new StoreStats(bySource, byDay, ctx.fetchCount(TRAINING_LABELS), ctx.fetchCount(CATALOG_SNAPSHOTS),
                dbBytes, images[0], images[1]);
    }

    private static long size(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long[] folder(Path dir) {
        if (!Files.isDirectory(dir)) return new long[]{0, 0};
        try (Stream<Path> s = Files.walk(dir)) {
            long[] acc = {0, 0};
            s.filter(Files::isRegularFile).forEach(p -> {
                acc[0]++;
                acc[1] += size(p);
            });
            return acc;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
