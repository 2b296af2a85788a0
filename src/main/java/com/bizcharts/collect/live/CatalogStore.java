package com.bizcharts.collect.live;

import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.CATALOG_SNAPSHOTS;
import static com.bizcharts.store.schema.Tables.IMPORT_RUNS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.val;

/**
 * Writes what the live scraper saw. A changed catalog lands in one transaction (OPs, observations, snapshot and the
 * run's counters) so a crash or a bad payload never leaves half a catalog. The run row's {@code resume_cursor} keeps
 * the catalog's {@code Last-Modified}, so the next process can poll conditionally too.
 */
public final class CatalogStore {

    static final String COLLECTOR = "live";

    private final Database db;
    private final ThreadRepository threads;

    public CatalogStore(Database db, ThreadRepository threads) {
        this.db = db;
        this.threads = threads;
    }

    /** Counts of one stored catalog. */
    public record Stored(int threadsNew, int threadsUpdated, int totalThreads, double avgReplies) {}

    public long beginRun(Instant at, String board) {
        return db.write(ctx -> ctx.insertInto(IMPORT_RUNS)
                .set(IMPORT_RUNS.COLLECTOR, COLLECTOR)
                .set(IMPORT_RUNS.STARTED_AT, UtcTime.format(at))
                .set(IMPORT_RUNS.STATUS, "running")
                .set(IMPORT_RUNS.PARAMETERS, "{\"board\":\"" + board + "\"}")
                .returning(IMPORT_RUNS.ID).fetchOne().getId());
    }

    public Stored storeCatalog(long runId, List<CatalogThread> catalog, Instant at, String lastModified, int requests) {
        List<ThreadOp> ops = catalog.stream().map(CatalogThread::op).toList();
        double avg = catalog.stream().mapToInt(t -> t.op().replyCount()).average().orElse(0);
        String oldest = ops.stream().map(ThreadOp::postedAt).min(Comparator.naturalOrder()).map(UtcTime::format).orElse(null);
        String newest = ops.stream().map(ThreadOp::postedAt).max(Comparator.naturalOrder()).map(UtcTime::format).orElse(null);
        long pages = catalog.stream().mapToInt(CatalogThread::page).distinct().count();
        return db.write(ctx -> {
            ThreadRepository.UpsertCounts counts = threads.upsert(ctx, ops, at);
            if (!catalog.isEmpty()) {
                // One multi-row insert: 150 single inserts cost more than the rest of the transaction.
                String observedAt = UtcTime.format(at);
                var insert = ctx.insertInto(THREAD_OBSERVATIONS, THREAD_OBSERVATIONS.THREAD_ID,
                        THREAD_OBSERVATIONS.OBSERVED_AT, THREAD_OBSERVATIONS.REPLY_COUNT,
                        THREAD_OBSERVATIONS.IMAGE_COUNT, THREAD_OBSERVATIONS.PAGE);
                for (CatalogThread t : catalog) {
                    insert = insert.values(t.op().threadId(), observedAt, (long) t.op().replyCount(),
                            (long) t.op().imageCount(), (long) t.page());
                }
                insert.execute();
            }
            // top_coins keeps its '[]' default until a coin extractor is wired in.
            ctx.insertInto(CATALOG_SNAPSHOTS)
                    .set(CATALOG_SNAPSHOTS.SNAPSHOT_AT, UtcTime.format(at))
                    .set(CATALOG_SNAPSHOTS.BOARD, ops.isEmpty() ? "biz" : ops.getFirst().board())
                    .set(CATALOG_SNAPSHOTS.TOTAL_THREADS, (long) catalog.size())
                    .set(CATALOG_SNAPSHOTS.AVG_REPLY_COUNT, avg)
                    .execute();
            ctx.update(IMPORT_RUNS)
                    .set(IMPORT_RUNS.THREADS_NEW, IMPORT_RUNS.THREADS_NEW.plus(counts.inserted()))
                    .set(IMPORT_RUNS.THREADS_UPDATED, IMPORT_RUNS.THREADS_UPDATED.plus(counts.updated()))
                    .set(IMPORT_RUNS.PAGES_DONE, IMPORT_RUNS.PAGES_DONE.plus(pages))
                    .set(IMPORT_RUNS.REQUESTS, IMPORT_RUNS.REQUESTS.plus(requests))
                    .set(IMPORT_RUNS.OLDEST_POST_AT, oldest == null ? IMPORT_RUNS.OLDEST_POST_AT
                            : least(coalesce(IMPORT_RUNS.OLDEST_POST_AT, val(oldest)), val(oldest)))
                    .set(IMPORT_RUNS.NEWEST_POST_AT, newest == null ? IMPORT_RUNS.NEWEST_POST_AT
                            : greatest(coalesce(IMPORT_RUNS.NEWEST_POST_AT, val(newest)), val(newest)))
                    .set(IMPORT_RUNS.RESUME_CURSOR, lastModified)
                    .where(IMPORT_RUNS.ID.eq(runId)).execute();
            return new Stored(counts.inserted(), counts.updated(), catalog.size(), avg);
        });
    }

    /** Counts a poll that changed nothing (304) or failed, without touching any thread. */
    public void recordPoll(long runId, int requests, String error) {
        db.writeVoid(ctx -> ctx.update(IMPORT_RUNS)
                .set(IMPORT_RUNS.REQUESTS, IMPORT_RUNS.REQUESTS.plus(requests))
                .set(IMPORT_RUNS.ERRORS, IMPORT_RUNS.ERRORS.plus(error == null ? 0 : 1))
                .set(IMPORT_RUNS.MESSAGE, error == null ? IMPORT_RUNS.MESSAGE : val(error))
                .where(IMPORT_RUNS.ID.eq(runId)).execute());
    }

    public void finishRun(long runId, Instant at, String status) {
        db.writeVoid(ctx -> ctx.update(IMPORT_RUNS)
                .set(IMPORT_RUNS.FINISHED_AT, UtcTime.format(at))
                .set(IMPORT_RUNS.STATUS, status)
                .where(IMPORT_RUNS.ID.eq(runId)).execute());
    }

    /** The newest {@code Last-Modified} a live run stored, to poll conditionally from the first request. */
    public Optional<String> lastModified() {
        return db.read().select(IMPORT_RUNS.RESUME_CURSOR).from(IMPORT_RUNS)
                .where(IMPORT_RUNS.COLLECTOR.eq(COLLECTOR)).and(IMPORT_RUNS.RESUME_CURSOR.isNotNull())
                .orderBy(IMPORT_RUNS.ID.desc()).limit(1).fetchOptional(IMPORT_RUNS.RESUME_CURSOR);
    }

    /** Sets downloaded thumbnail paths in one write. */
    public void setThumbnailPaths(Map<Long, String> pathsByThread) {
        if (pathsByThread.isEmpty()) return;
        db.writeVoid(ctx -> pathsByThread.forEach((id, path) -> ctx.update(THREAD_OPS)
                .set(THREAD_OPS.THUMBNAIL_PATH, path).where(THREAD_OPS.THREAD_ID.eq(id)).execute()));
    }
}
