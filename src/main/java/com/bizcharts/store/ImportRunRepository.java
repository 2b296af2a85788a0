package com.bizcharts.store;

import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.IMPORT_RUNS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.val;

/**
 * The {@code import_runs} table: what each collector run did (a live poll is one row, a Warosu import one row with a
 * resume cursor), for {@code stats}, {@code coverage} and {@code warosu --continue}. Methods taking a
 * {@link DSLContext} join the caller's transaction, so a run's progress moves only together with what it stored.
 */
public final class ImportRunRepository {

    /** A run that did not complete (killed, failed, cancelled): its id, resume cursor, parameters JSON and start. */
    public record Unfinished(long id, String cursor, String parametersJson, Instant startedAt) {}

    private final Database db;

    public ImportRunRepository(Database db) {
        this.db = db;
    }

    /** One live poll that stored a catalog, inside the poll's transaction. */
    public void recordPoll(DSLContext ctx, String board, Instant at, ThreadRepository.UpsertCounts counts, List<ThreadOp> ops) {
        ctx.insertInto(IMPORT_RUNS)
                .set(IMPORT_RUNS.COLLECTOR, "live")
                .set(IMPORT_RUNS.STARTED_AT, UtcTime.format(at))
                .set(IMPORT_RUNS.FINISHED_AT, UtcTime.format(at))
                .set(IMPORT_RUNS.STATUS, "completed")
                .set(IMPORT_RUNS.PARAMETERS, "{\"board\":\"" + board + "\"}")
                .set(IMPORT_RUNS.THREADS_NEW, (long) counts.inserted())
                .set(IMPORT_RUNS.THREADS_UPDATED, (long) counts.updated())
                .set(IMPORT_RUNS.PAGES_DONE, 1L)
                .set(IMPORT_RUNS.REQUESTS, 1L)
                .set(IMPORT_RUNS.OLDEST_POST_AT, oldest(ops))
                .set(IMPORT_RUNS.NEWEST_POST_AT, newest(ops))
                .execute();
    }

    /** A collector run that failed before storing anything (a rejected catalog), with the reason. */
    public void recordFailure(String collector, Instant at, String message) {
        db.writeVoid(ctx -> ctx.insertInto(IMPORT_RUNS)
                .set(IMPORT_RUNS.COLLECTOR, collector)
                .set(IMPORT_RUNS.STARTED_AT, UtcTime.format(at))
                .set(IMPORT_RUNS.FINISHED_AT, UtcTime.format(at))
                .set(IMPORT_RUNS.STATUS, "failed")
                .set(IMPORT_RUNS.ERRORS, 1L)
                .set(IMPORT_RUNS.MESSAGE, message)
                .execute());
    }

    /** A new running import with its cursor at page 0; returns its id. */
    public long start(String collector, String parametersJson, Instant at) {
        return db.write(ctx -> ctx.insertInto(IMPORT_RUNS)
                .set(IMPORT_RUNS.COLLECTOR, collector)
                .set(IMPORT_RUNS.STARTED_AT, UtcTime.format(at))
                .set(IMPORT_RUNS.STATUS, "running")
                .set(IMPORT_RUNS.PARAMETERS, parametersJson)
                .set(IMPORT_RUNS.RESUME_CURSOR, "0")
                .returningResult(IMPORT_RUNS.ID).fetchOne().value1());
    }

    /** The newest run of {@code collector} whose parameters start with {@code identityPrefix} and did not complete. */
    public Optional<Unfinished> unfinished(String collector, String identityPrefix) {
        return db.read().select(IMPORT_RUNS.ID, IMPORT_RUNS.RESUME_CURSOR, IMPORT_RUNS.PARAMETERS, IMPORT_RUNS.STARTED_AT).from(IMPORT_RUNS)
                .where(IMPORT_RUNS.COLLECTOR.eq(collector)).and(IMPORT_RUNS.PARAMETERS.startsWith(identityPrefix))
                .and(IMPORT_RUNS.STATUS.ne("completed"))
                .orderBy(IMPORT_RUNS.ID.desc()).limit(1)
                .fetchOptional(r -> new Unfinished(r.value1(), r.value2(), r.value3(), UtcTime.parse(r.value4())));
    }

    public void markRunning(long runId) {
        db.writeVoid(ctx -> ctx.update(IMPORT_RUNS).set(IMPORT_RUNS.STATUS, "running")
                .setNull(IMPORT_RUNS.FINISHED_AT).where(IMPORT_RUNS.ID.eq(runId)).execute());
    }

    /** Inside the page's transaction: the cursor moves only together with the threads it covers. */
    public void pageDone(DSLContext ctx, long runId, String nextCursor, ThreadRepository.UpsertCounts counts,
                         List<ThreadOp> ops, int requests) {
        String oldest = oldest(ops), newest = newest(ops);
        var update = ctx.update(IMPORT_RUNS)
                .set(IMPORT_RUNS.RESUME_CURSOR, nextCursor)
                .set(IMPORT_RUNS.PAGES_DONE, IMPORT_RUNS.PAGES_DONE.plus(1L))
                .set(IMPORT_RUNS.REQUESTS, IMPORT_RUNS.REQUESTS.plus((long) requests))
                .set(IMPORT_RUNS.THREADS_NEW, IMPORT_RUNS.THREADS_NEW.plus((long) counts.inserted()))
                .set(IMPORT_RUNS.THREADS_UPDATED, IMPORT_RUNS.THREADS_UPDATED.plus((long) counts.updated()));
        if (oldest != null) {
            update = update.set(IMPORT_RUNS.OLDEST_POST_AT, least(coalesce(IMPORT_RUNS.OLDEST_POST_AT, val(oldest)), val(oldest)))
                    .set(IMPORT_RUNS.NEWEST_POST_AT, greatest(coalesce(IMPORT_RUNS.NEWEST_POST_AT, val(newest)), val(newest)));
        }
        update.where(IMPORT_RUNS.ID.eq(runId)).execute();
    }

    /** Ends a run: completed, failed or cancelled, with the message (an error counts one). */
    public void finish(long runId, String status, String message, Instant at) {
        db.writeVoid(ctx -> ctx.update(IMPORT_RUNS).set(IMPORT_RUNS.STATUS, status)
                .set(IMPORT_RUNS.FINISHED_AT, UtcTime.format(at))
                .set(IMPORT_RUNS.MESSAGE, message)
                .set(IMPORT_RUNS.ERRORS, IMPORT_RUNS.ERRORS.plus(message == null ? 0L : 1L))
                .where(IMPORT_RUNS.ID.eq(runId)).execute());
    }

    /** The newest and oldest posting day of the threads one source stored, for --continue and --backfill. */
    public Optional<LocalDate> newestDay(ThreadOp.Source source) {
        return day(db.read().select(max(THREAD_OPS.POSTED_AT)).from(THREAD_OPS).where(THREAD_OPS.SOURCE.eq(source.dbValue())).fetchOne().value1());
    }

    public Optional<LocalDate> oldestDay(ThreadOp.Source source) {
        return day(db.read().select(min(THREAD_OPS.POSTED_AT)).from(THREAD_OPS).where(THREAD_OPS.SOURCE.eq(source.dbValue())).fetchOne().value1());
    }

    private static Optional<LocalDate> day(String iso) {
        return iso == null ? Optional.empty() : Optional.of(UtcTime.parse(iso).atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static String oldest(List<ThreadOp> ops) {
        return ops.stream().map(ThreadOp::postedAt).min(Comparator.naturalOrder()).map(UtcTime::format).orElse(null);
    }

    private static String newest(List<ThreadOp> ops) {
        return ops.stream().map(ThreadOp::postedAt).max(Comparator.naturalOrder()).map(UtcTime::format).orElse(null);
    }
}
