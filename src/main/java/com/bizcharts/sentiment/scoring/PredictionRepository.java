package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.store.Database;
import com.bizcharts.store.SqlBatches;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;
import com.bizcharts.store.schema.tables.records.PredictionsRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.IMAGE_TEXTS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.SCORE_FAILURES;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.jooq.impl.DSL.excluded;

/** Predictions per (thread, model): activating another model adds rows, it never overwrites an earlier model's. */
public final class PredictionRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public PredictionRepository(Database db) {
        this.db = db;
    }

    /** A stored prediction with its thread. */
    public record Stored(long threadId, Prediction prediction, Instant scoredAt) {}

    public void saveAll(List<Stored> predictions) {
        saveChunk(predictions, List.of());
    }

    /** Every column of a prediction, in the order {@link #values} binds them. */
    private static final List<org.jooq.TableField<PredictionsRecord, ?>> COLUMNS = List.of(PREDICTIONS.THREAD_ID,
            PREDICTIONS.MODEL_ID, PREDICTIONS.LABEL, PREDICTIONS.SCORE, PREDICTIONS.CONFIDENCE, PREDICTIONS.P_BEARISH,
            PREDICTIONS.P_NEUTRAL, PREDICTIONS.P_BULLISH, PREDICTIONS.SARCASM, PREDICTIONS.LITERAL_LABEL,
            PREDICTIONS.IMAGE_STATUS, PREDICTIONS.DRIVERS, PREDICTIONS.SCORED_AT);

    /**
     * One prepared upsert run as a JDBC batch: a rescore writes thousands of rows a second, and rendering a jOOQ
     * statement per row cost more than SQLite's work.
     */
    private static void saveBatch(DSLContext ctx, List<Stored> predictions) {
        if (predictions.isEmpty()) return;
        List<org.jooq.Field<?>> placeholders = COLUMNS.stream().<org.jooq.Field<?>>map(c -> org.jooq.impl.DSL.val(null, c)).toList();
        var upsert = ctx.insertInto(PREDICTIONS).columns(COLUMNS).values(placeholders)
                .onConflict(PREDICTIONS.THREAD_ID, PREDICTIONS.MODEL_ID).doUpdate()
                .set(PREDICTIONS.LABEL, excluded(PREDICTIONS.LABEL))
                .set(PREDICTIONS.SCORE, excluded(PREDICTIONS.SCORE))
                .set(PREDICTIONS.CONFIDENCE, excluded(PREDICTIONS.CONFIDENCE))
                .set(PREDICTIONS.P_BEARISH, excluded(PREDICTIONS.P_BEARISH))
                .set(PREDICTIONS.P_NEUTRAL, excluded(PREDICTIONS.P_NEUTRAL))
                .set(PREDICTIONS.P_BULLISH, excluded(PREDICTIONS.P_BULLISH))
                .set(PREDICTIONS.SARCASM, excluded(PREDICTIONS.SARCASM))
                .set(PREDICTIONS.LITERAL_LABEL, excluded(PREDICTIONS.LITERAL_LABEL))
                .set(PREDICTIONS.IMAGE_STATUS, excluded(PREDICTIONS.IMAGE_STATUS))
                .set(PREDICTIONS.DRIVERS, excluded(PREDICTIONS.DRIVERS))
                .set(PREDICTIONS.SCORED_AT, excluded(PREDICTIONS.SCORED_AT));
        org.jooq.BatchBindStep batch = ctx.batch(upsert);
        for (Stored s : predictions) batch = batch.bind(values(s));
        batch.execute();
    }

    private static Object[] values(Stored s) {
        Prediction p = s.prediction();
        return new Object[] {s.threadId(), p.modelId(), (long) p.label().rating(), p.score(), p.confidence(),
                p.probabilities()[0], p.probabilities()[1], p.probabilities()[2], p.sarcasm(),
                p.literal() == null ? null : (long) p.literal().rating(), p.imageStatus().name().toLowerCase(Locale.ROOT),
                json(p.drivers()), UtcTime.format(s.scoredAt())};
    }

    /**
     * Up to {@code limit} posts below {@code beforeThreadId} that {@code modelId} has neither scored nor failed on,
     * newest first: the background rescore walks down from the newest posts, so the recent dashboard is right first.
     */
    public List<PostInput> unscoredNewestFirst(String modelId, Path imagesDir, long beforeThreadId, int limit) {
        return db.read().selectFrom(THREAD_OPS)
                .where(THREAD_OPS.THREAD_ID.lt(beforeThreadId))
                .andNotExists(predicted(modelId))
                .andNotExists(db.read().selectOne().from(SCORE_FAILURES)
                        .where(SCORE_FAILURES.THREAD_ID.eq(THREAD_OPS.THREAD_ID)).and(SCORE_FAILURES.MODEL_ID.eq(modelId)))
                .orderBy(THREAD_OPS.THREAD_ID.desc()).limit(limit)
                .fetch(r -> input(r, imagesDir));
    }

    /**
     * Posts {@code modelId} scored without their image that have one stored now (the thumbnail arrived while nothing
     * was scoring, or the announcement was lost to a kill), newest first: the scoring service takes them in at start.
     */
    public List<Long> scoredWithoutTheirImage(String modelId, int limit) {
        return db.read().select(PREDICTIONS.THREAD_ID).from(PREDICTIONS).join(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(PREDICTIONS.THREAD_ID))
                .where(PREDICTIONS.MODEL_ID.eq(modelId)).and(PREDICTIONS.IMAGE_STATUS.eq("missing"))
                .and(THREAD_OPS.THUMBNAIL_PATH.isNotNull())
                .orderBy(PREDICTIONS.THREAD_ID.desc()).limit(limit).fetch(PREDICTIONS.THREAD_ID);
    }

    /**
     * Posts this model scored before OCR read text off their thumbnail, newest first: the text is a signal their
     * prediction was made without. At or after the same second counts, since times are kept to the second.
     */
    public List<Long> scoredBeforeTheirImageText(String modelId, int limit) {
        return db.read().select(PREDICTIONS.THREAD_ID).from(PREDICTIONS).join(IMAGE_TEXTS).on(IMAGE_TEXTS.THREAD_ID.eq(PREDICTIONS.THREAD_ID))
                .where(PREDICTIONS.MODEL_ID.eq(modelId)).and(IMAGE_TEXTS.STATUS.eq("used")).and(IMAGE_TEXTS.TEXT.ne(""))
                .and(IMAGE_TEXTS.READ_AT.ge(PREDICTIONS.SCORED_AT))
                .orderBy(PREDICTIONS.THREAD_ID.desc()).limit(limit).fetch(PREDICTIONS.THREAD_ID);
    }

    /** This model's label (1..3) for each of these posts it scored: what agreement with the humans is judged on. */
    public java.util.Map<Long, Integer> labels(String modelId, Collection<Long> threadIds) {
        java.util.Map<Long, Integer> out = new java.util.HashMap<>();
        for (List<Long> ids : SqlBatches.idChunks(List.copyOf(threadIds))) {
            db.read().select(PREDICTIONS.THREAD_ID, PREDICTIONS.LABEL).from(PREDICTIONS)
                    .where(PREDICTIONS.MODEL_ID.eq(modelId)).and(PREDICTIONS.THREAD_ID.in(ids))
                    .forEach(r -> out.put(r.value1(), r.value2().intValue()));
        }
        return out;
    }

    /** The stored posts among {@code threadIds}, newest first, as a model sees them. */
    public List<PostInput> inputs(Collection<Long> threadIds, Path imagesDir) {
        if (threadIds.isEmpty()) return List.of();
        List<PostInput> out = new java.util.ArrayList<>(threadIds.size());
        for (List<Long> ids : SqlBatches.idChunks(threadIds)) {
            out.addAll(db.read().selectFrom(THREAD_OPS).where(THREAD_OPS.THREAD_ID.in(ids)).fetch(r -> input(r, imagesDir)));
        }
        out.sort(java.util.Comparator.comparingLong(PostInput::threadId).reversed());
        return out;
    }

    private org.jooq.Select<?> predicted(String modelId) {
        return db.read().selectOne().from(PREDICTIONS)
                .where(PREDICTIONS.THREAD_ID.eq(THREAD_OPS.THREAD_ID)).and(PREDICTIONS.MODEL_ID.eq(modelId));
    }

    /** A stored OP as the model reads it, through the one mapping ({@link PostInput#of}). */
    private static PostInput input(org.jooq.Record r, Path imagesDir) {
        return PostInput.of(ThreadRepository.fromRecord(r), imagesDir);
    }

    /** A thread posted at a time and the class probabilities of its latest prediction, whichever model made it. */
    public record Latest(Instant postedAt, double[] probabilities) {}

    /**
     * Threads posted in [from, to) with their latest prediction, oldest first: the board's mood (the context signal).
     * The plan is pinned (the posted_at index, then predictions by thread): left to itself SQLite scanned the whole
     * predictions table, 40 ms at 200,000 predictions and growing, which the label view's guess paid on every card.
     */
    public List<Latest> latestBetween(Instant from, Instant to) {
        return db.read().fetch("""
                        SELECT t.posted_at, p.p_bearish, p.p_neutral, p.p_bullish
                        FROM thread_ops t INDEXED BY idx_thread_ops_posted_at
                        CROSS JOIN predictions p ON p.thread_id = t.thread_id
                        WHERE t.posted_at >= ? AND t.posted_at < ?
                          AND p.scored_at = (SELECT max(q.scored_at) FROM predictions q WHERE q.thread_id = t.thread_id)
                        GROUP BY t.thread_id
                        ORDER BY t.posted_at""", UtcTime.format(from), UtcTime.format(to))
                .map(r -> new Latest(UtcTime.parse(r.get(0, String.class)), new double[]{
                        r.get(1, Double.class), r.get(2, Double.class), r.get(3, Double.class)}));
    }

    /** A post a model could not score, and why. */
    public record Failure(long threadId, String modelId, String reason, Instant failedAt) {}

    /**
     * One chunk's outcome in one transaction: the predictions (a success clears an earlier failure of the same model)
     * and the failures with their reasons. A kill between chunks leaves whole chunks, never half of one.
     */
    public void saveChunk(List<Stored> predictions, List<Failure> failures) {
        db.writeVoid(ctx -> {
            saveBatch(ctx, predictions);
            // a success clears an earlier failure; one statement per model in the chunk (there is one, in practice)
            predictions.stream().collect(java.util.stream.Collectors.groupingBy(s -> s.prediction().modelId(),
                            java.util.stream.Collectors.mapping(Stored::threadId, java.util.stream.Collectors.toList())))
                    .forEach((model, ids) -> SqlBatches.idChunks(ids).forEach(chunk -> ctx.deleteFrom(SCORE_FAILURES)
                            .where(SCORE_FAILURES.MODEL_ID.eq(model)).and(SCORE_FAILURES.THREAD_ID.in(chunk)).execute()));
            for (Failure f : failures) {
                ctx.insertInto(SCORE_FAILURES).set(SCORE_FAILURES.THREAD_ID, f.threadId()).set(SCORE_FAILURES.MODEL_ID, f.modelId())
                        .set(SCORE_FAILURES.REASON, f.reason()).set(SCORE_FAILURES.FAILED_AT, UtcTime.format(f.failedAt()))
                        .onConflict(SCORE_FAILURES.THREAD_ID, SCORE_FAILURES.MODEL_ID).doUpdate()
                        .set(SCORE_FAILURES.REASON, f.reason()).set(SCORE_FAILURES.FAILED_AT, UtcTime.format(f.failedAt()))
                        .execute();
            }
        });
    }

    /** How many posts {@code modelId} could not score (recorded with their reasons). */
    public int failures(String modelId) {
        return db.read().fetchCount(SCORE_FAILURES, SCORE_FAILURES.MODEL_ID.eq(modelId));
    }

    /** The recorded failures of {@code modelId}, newest post first. */
    public List<Failure> failureList(String modelId, int limit) {
        return db.read().selectFrom(SCORE_FAILURES).where(SCORE_FAILURES.MODEL_ID.eq(modelId))
                .orderBy(SCORE_FAILURES.THREAD_ID.desc()).limit(limit)
                .fetch(r -> new Failure(r.getThreadId(), r.getModelId(), r.getReason(), UtcTime.parse(r.getFailedAt())));
    }

    /** Where a model stands on the whole store: posts stored, scored by it, failed for it. */
    public record Coverage(int posts, int scored, int failed) {
        public int waiting() { return Math.max(0, posts - scored - failed); }
    }

    /**
     * One read, so the three counts agree: a failure counts only where the model has no prediction (a post scored
     * once and failing after its thumbnail arrived keeps its earlier prediction and is not waiting).
     */
    public Coverage coverage(String modelId) {
        var r = db.read().fetchOne("""
                SELECT (SELECT count(*) FROM thread_ops),
                       (SELECT count(*) FROM predictions WHERE model_id = ?),
                       (SELECT count(*) FROM score_failures f WHERE f.model_id = ?
                          AND NOT EXISTS (SELECT 1 FROM predictions p WHERE p.thread_id = f.thread_id AND p.model_id = f.model_id))""",
                modelId, modelId);
        return new Coverage(r.get(0, Integer.class), r.get(1, Integer.class), r.get(2, Integer.class));
    }

    /** Drops one model's predictions and failures (a rescore from nothing: {@code bench pipeline}); labels untouched. */
    public void forget(String modelId) {
        db.writeVoid(ctx -> {
            ctx.deleteFrom(PREDICTIONS).where(PREDICTIONS.MODEL_ID.eq(modelId)).execute();
            ctx.deleteFrom(SCORE_FAILURES).where(SCORE_FAILURES.MODEL_ID.eq(modelId)).execute();
        });
    }

    public int count(String modelId) {
        return db.read().fetchCount(PREDICTIONS, PREDICTIONS.MODEL_ID.eq(modelId));
    }

    public Optional<Stored> find(long threadId, String modelId) {
        return db.read().selectFrom(PREDICTIONS).where(PREDICTIONS.THREAD_ID.eq(threadId))
                .and(PREDICTIONS.MODEL_ID.eq(modelId)).fetchOptional(PredictionRepository::fromRecord);
    }

    private static Stored fromRecord(PredictionsRecord r) {
        double[] p = {r.getPBearish(), r.getPNeutral(), r.getPBullish()};
        SentimentLabel label = SentimentLabel.ofRating(r.getLabel().intValue());
        SentimentLabel literal = r.getLiteralLabel() == null ? null : SentimentLabel.ofRating(r.getLiteralLabel().intValue());
        Prediction prediction = new Prediction(r.getModelId(), label, r.getScore(), r.getConfidence(), p, r.getSarcasm(),
                literal, label, ImageStatus.valueOf(r.getImageStatus().toUpperCase(Locale.ROOT)), drivers(r.getDrivers()));
        return new Stored(r.getThreadId(), prediction, UtcTime.parse(r.getScoredAt()));
    }

    private static String json(List<String> drivers) {
        try {
            return JSON.writeValueAsString(drivers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> drivers(String json) {
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
