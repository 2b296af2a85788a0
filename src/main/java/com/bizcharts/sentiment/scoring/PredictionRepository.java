package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.SentimentLabel;
import com.bizcharts.store.Database;
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

import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.SCORE_FAILURES;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;

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
        db.writeVoid(ctx -> {
            for (Stored s : predictions) save(ctx, s);
        });
    }

    private static void save(DSLContext ctx, Stored s) {
        Prediction p = s.prediction();
        PredictionsRecord r = ctx.newRecord(PREDICTIONS);
        r.setThreadId(s.threadId());
        r.setModelId(p.modelId());
        r.setLabel((long) p.label().rating());
        r.setScore(p.score());
        r.setConfidence(p.confidence());
        r.setPBearish(p.probabilities()[0]);
        r.setPNeutral(p.probabilities()[1]);
        r.setPBullish(p.probabilities()[2]);
        r.setSarcasm(p.sarcasm());
        r.setLiteralLabel(p.literal() == null ? null : (long) p.literal().rating());
        r.setImageStatus(p.imageStatus().name().toLowerCase(Locale.ROOT));
        r.setDrivers(json(p.drivers()));
        r.setScoredAt(UtcTime.format(s.scoredAt()));
        ctx.insertInto(PREDICTIONS).set(r).onConflict(PREDICTIONS.THREAD_ID, PREDICTIONS.MODEL_ID).doUpdate()
                .set(r).execute();
    }

    /**
     * Up to {@code limit} posts that have no prediction from {@code modelId}, by thread id. The thumbnail, when
     * downloaded, is resolved against {@code imagesDir}.
     */
    public List<PostInput> unscored(String modelId, Path imagesDir, long afterThreadId, int limit) {
        return db.read().select(INPUT_COLUMNS).from(THREAD_OPS)
                .where(THREAD_OPS.THREAD_ID.gt(afterThreadId))
                .andNotExists(predicted(modelId))
                .orderBy(THREAD_OPS.THREAD_ID).limit(limit)
                .fetch(r -> input(r, imagesDir));
    }

    /**
     * Up to {@code limit} posts below {@code beforeThreadId} that {@code modelId} has neither scored nor failed on,
     * newest first: the background rescore walks down from the newest posts, so the recent dashboard is right first.
     */
    public List<PostInput> unscoredNewestFirst(String modelId, Path imagesDir, long beforeThreadId, int limit) {
        return db.read().select(INPUT_COLUMNS).from(THREAD_OPS)
                .where(THREAD_OPS.THREAD_ID.lt(beforeThreadId))
                .andNotExists(predicted(modelId))
                .andNotExists(db.read().selectOne().from(SCORE_FAILURES)
                        .where(SCORE_FAILURES.THREAD_ID.eq(THREAD_OPS.THREAD_ID)).and(SCORE_FAILURES.MODEL_ID.eq(modelId)))
                .orderBy(THREAD_OPS.THREAD_ID.desc()).limit(limit)
                .fetch(r -> input(r, imagesDir));
    }

    /** The stored posts among {@code threadIds}, newest first, as a model sees them. */
    public List<PostInput> inputs(Collection<Long> threadIds, Path imagesDir) {
        if (threadIds.isEmpty()) return List.of();
        return db.read().select(INPUT_COLUMNS).from(THREAD_OPS).where(THREAD_OPS.THREAD_ID.in(threadIds))
                .orderBy(THREAD_OPS.THREAD_ID.desc()).fetch(r -> input(r, imagesDir));
    }

    private org.jooq.Select<?> predicted(String modelId) {
        return db.read().selectOne().from(PREDICTIONS)
                .where(PREDICTIONS.THREAD_ID.eq(THREAD_OPS.THREAD_ID)).and(PREDICTIONS.MODEL_ID.eq(modelId));
    }

    private static final List<org.jooq.SelectField<?>> INPUT_COLUMNS = List.of(THREAD_OPS.THREAD_ID, THREAD_OPS.SUBJECT,
            THREAD_OPS.OP_TEXT_CLEAN, THREAD_OPS.THUMBNAIL_PATH, THREAD_OPS.REPLY_COUNT, THREAD_OPS.POSTED_AT);

    /** The one mapping from a stored OP to what a model reads. */
    private static PostInput input(org.jooq.Record r, Path imagesDir) {
        String thumbnail = r.get(THREAD_OPS.THUMBNAIL_PATH);
        return new PostInput(r.get(THREAD_OPS.THREAD_ID), r.get(THREAD_OPS.SUBJECT), r.get(THREAD_OPS.OP_TEXT_CLEAN),
                thumbnail == null ? null : imagesDir.resolve(thumbnail), r.get(THREAD_OPS.REPLY_COUNT).intValue(),
                UtcTime.parse(r.get(THREAD_OPS.POSTED_AT)));
    }

    /** A post a model could not score, and why. */
    public record Failure(long threadId, String modelId, String reason, Instant failedAt) {}

    /**
     * One chunk's outcome in one transaction: the predictions (a success clears an earlier failure of the same model)
     * and the failures with their reasons. A kill between chunks leaves whole chunks, never half of one.
     */
    public void saveChunk(List<Stored> predictions, List<Failure> failures) {
        db.writeVoid(ctx -> {
            for (Stored s : predictions) {
                save(ctx, s);
                ctx.deleteFrom(SCORE_FAILURES).where(SCORE_FAILURES.THREAD_ID.eq(s.threadId()))
                        .and(SCORE_FAILURES.MODEL_ID.eq(s.prediction().modelId())).execute();
            }
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

    public Coverage coverage(String modelId) {
        var ctx = db.read();
        return new Coverage(ctx.fetchCount(THREAD_OPS), count(modelId), failures(modelId));
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
