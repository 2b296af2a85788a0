package com.bizcharts.collect.warosu;

import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.IMPORT_RUNS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.val;

/** Warosu import runs in {@code import_runs}: their progress cursor (the next result page) and what they covered. */
final class WarosuRuns {

    record Run(long id, int nextPage, LocalDate from, LocalDate to) {}

    private WarosuRuns() {}

    static long start(Database db, String params, Instant now) {
        return db.write(ctx -> ctx.insertInto(IMPORT_RUNS)
                .set(IMPORT_RUNS.COLLECTOR, "warosu")
                .set(IMPORT_RUNS.STARTED_AT, UtcTime.format(now))
                .set(IMPORT_RUNS.STATUS, "running")
                .set(IMPORT_RUNS.PARAMETERS, params)
                .set(IMPORT_RUNS.RESUME_CURSOR, "0")
                .returningResult(IMPORT_RUNS.ID).fetchOne().value1());
    }

    /** The newest run of the same import (dates aside) that did not complete: killed, failed or cancelled. */
    static Optional<Run> unfinished(Database db, WarosuRequest request) {
        return db.read().select(IMPORT_RUNS.ID, IMPORT_RUNS.RESUME_CURSOR, IMPORT_RUNS.PARAMETERS).from(IMPORT_RUNS)
                .where(IMPORT_RUNS.COLLECTOR.eq("warosu")).and(IMPORT_RUNS.PARAMETERS.startsWith(request.identity() + ","))
                .and(IMPORT_RUNS.STATUS.ne("completed"))
                .orderBy(IMPORT_RUNS.ID.desc()).limit(1)
                .fetchOptional(r -> {
                    var json = parse(r.value3());
                    return new Run(r.value1(), r.value2() == null ? 0 : Integer.parseInt(r.value2()),
                            date(json.path("from")), date(json.path("to")));
                });
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable import run parameters: " + json, e);
        }
    }

    private static LocalDate date(com.fasterxml.jackson.databind.JsonNode n) {
        return n.isTextual() ? LocalDate.parse(n.asText()) : null;
    }

    static void markRunning(Database db, long runId) {
        db.writeVoid(ctx -> ctx.update(IMPORT_RUNS).set(IMPORT_RUNS.STATUS, "running")
                .setNull(IMPORT_RUNS.FINISHED_AT).where(IMPORT_RUNS.ID.eq(runId)).execute());
    }

    /** Inside the page's transaction: the cursor moves only together with the threads it covers. */
    static void progress(DSLContext ctx, long runId, int nextPage, ThreadRepository.UpsertCounts counts,
                         List<ThreadOp> ops, int requests) {
        String oldest = ops.stream().map(ThreadOp::postedAt).min(Comparator.naturalOrder()).map(UtcTime::format).orElse(null);
        String newest = ops.stream().map(ThreadOp::postedAt).max(Comparator.naturalOrder()).map(UtcTime::format).orElse(null);
        var update = ctx.update(IMPORT_RUNS)
                .set(IMPORT_RUNS.RESUME_CURSOR, Integer.toString(nextPage))
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

    /** The newest and oldest posting day of Warosu threads in the store, for --continue and --backfill. */
    static Optional<LocalDate> newestDay(Database db) {
        return day(db.read().select(max(THREAD_OPS.POSTED_AT)).from(THREAD_OPS).where(THREAD_OPS.SOURCE.eq("warosu")).fetchOne().value1());
    }

    static Optional<LocalDate> oldestDay(Database db) {
        return day(db.read().select(min(THREAD_OPS.POSTED_AT)).from(THREAD_OPS).where(THREAD_OPS.SOURCE.eq("warosu")).fetchOne().value1());
    }

    private static Optional<LocalDate> day(String iso) {
        return iso == null ? Optional.empty() : Optional.of(UtcTime.parse(iso).atZone(ZoneOffset.UTC).toLocalDate());
    }
}
