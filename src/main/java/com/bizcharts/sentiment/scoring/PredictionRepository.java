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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.PREDICTIONS;
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
        return db.read().select(THREAD_OPS.THREAD_ID, THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN,
                        THREAD_OPS.THUMBNAIL_PATH, THREAD_OPS.REPLY_COUNT, THREAD_OPS.POSTED_AT)
                .from(THREAD_OPS)
                .where(THREAD_OPS.THREAD_ID.gt(afterThreadId))
                .andNotExists(db.read().selectOne().from(PREDICTIONS)
                        .where(PREDICTIONS.THREAD_ID.eq(THREAD_OPS.THREAD_ID)).and(PREDICTIONS.MODEL_ID.eq(modelId)))
                .orderBy(THREAD_OPS.THREAD_ID).limit(limit)
                .fetch(r -> new PostInput(r.get(THREAD_OPS.THREAD_ID), r.get(THREAD_OPS.SUBJECT),
                        r.get(THREAD_OPS.OP_TEXT_CLEAN),
                        r.get(THREAD_OPS.THUMBNAIL_PATH) == null ? null : imagesDir.resolve(r.get(THREAD_OPS.THUMBNAIL_PATH)),
                        r.get(THREAD_OPS.REPLY_COUNT).intValue(), UtcTime.parse(r.get(THREAD_OPS.POSTED_AT))));
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
