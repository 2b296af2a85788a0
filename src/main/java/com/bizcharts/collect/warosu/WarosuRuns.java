package com.bizcharts.collect.warosu;

import com.bizcharts.store.ImportRunRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Warosu import runs as the importer sees them: a run's cursor is the next result page, and an unfinished run of the
 * same search is resumed. The rows themselves are the store's ({@link ImportRunRepository}).
 */
final class WarosuRuns {

    private static final String COLLECTOR = "warosu";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(long id, int nextPage, LocalDate from, LocalDate to, Instant startedAt) {}

    private final ImportRunRepository runs;

    WarosuRuns(ImportRunRepository runs) {
        this.runs = runs;
    }

    long start(String params, Instant now) {
        return runs.start(COLLECTOR, params, now);
    }

    /** The newest run of the same import (dates aside) that did not complete: killed, failed or cancelled. */
    Optional<Run> unfinished(WarosuRequest request) {
        return runs.unfinished(COLLECTOR, request.identity() + ",").map(u -> {
            JsonNode json = parse(u.parametersJson());
            return new Run(u.id(), u.cursor() == null ? 0 : Integer.parseInt(u.cursor()), date(json.path("from")), date(json.path("to")),
                    u.startedAt());
        });
    }

    void markRunning(long runId) {
        runs.markRunning(runId);
    }

    /** Inside the page's transaction: the cursor moves only together with the threads it covers. */
    void progress(DSLContext ctx, long runId, int nextPage, ThreadRepository.UpsertCounts counts, List<ThreadOp> ops, int requests) {
        runs.pageDone(ctx, runId, Integer.toString(nextPage), counts, ops, requests);
    }

    void finish(long runId, String status, String message, Instant at) {
        runs.finish(runId, status, message, at);
    }

    /** The newest and oldest posting day of Warosu threads in the store, for --continue and --backfill. */
    Optional<LocalDate> newestDay() {
        return runs.newestDay(ThreadOp.Source.WAROSU);
    }

    Optional<LocalDate> oldestDay() {
        return runs.oldestDay(ThreadOp.Source.WAROSU);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable import run parameters: " + json, e);
        }
    }

    private static LocalDate date(JsonNode n) {
        return n.isTextual() ? LocalDate.parse(n.asText()) : null;
    }
}
