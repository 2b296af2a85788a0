package com.bizcharts.learn.drift;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static com.bizcharts.store.schema.Tables.DRIFT_EVENTS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/**
 * What drift is measured on (people's verdicts after the model's, the words of labeled and recent posts) and the
 * drift_events found. Methods taking a {@link DSLContext} join the caller's transaction.
 */
public final class DriftRepository {

    /** A person's rating of a post, given after the model's prediction on it (both 1 bearish .. 3 bullish). */
    public record Verdict(int predicted, int rated) {
        public boolean modelWasWrong() {
            return predicted != rated;
        }
    }

    private final Database db;

    public DriftRepository(Database db) {
        this.db = db;
    }

    /** Every non-skip rating given at or after {@code modelId}'s prediction on the post, in labeling order. */
    public List<Verdict> verdictsAfterPrediction(String modelId) {
        return db.read()
                .select(PREDICTIONS.LABEL, TRAINING_LABELS.RATING)
                .from(TRAINING_LABELS)
                .join(PREDICTIONS).on(PREDICTIONS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID))
                .where(PREDICTIONS.MODEL_ID.eq(modelId))
                .and(TRAINING_LABELS.SKIPPED.eq(0L))
                .and(TRAINING_LABELS.LABELED_AT.ge(PREDICTIONS.SCORED_AT))
                .orderBy(TRAINING_LABELS.LABELED_AT, TRAINING_LABELS.ID)
                .fetch(r -> new Verdict(r.value1().intValue(), r.value2().intValue()));
    }

    /** Subject and comment, as one string, of every post someone labeled or skipped: the vocabulary the model knows. */
    public List<String> labeledPostTexts() {
        return db.read()
                .select(THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN)
                .from(THREAD_OPS).where(THREAD_OPS.THREAD_ID.in(
                        db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS)))
                .fetch(r -> nz(r.value1()) + " " + nz(r.value2()));
    }

    /** As {@link #labeledPostTexts}, for the posts nobody labeled first seen at or after {@code since}. */
    public List<String> unlabeledPostTextsSince(Instant since) {
        return db.read()
                .select(THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN)
                .from(THREAD_OPS).where(THREAD_OPS.FIRST_SEEN_AT.ge(UtcTime.format(since)))
                .and(THREAD_OPS.THREAD_ID.notIn(db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS)))
                .fetch(r -> nz(r.value1()) + " " + nz(r.value2()));
    }

    /** Whether an event of this kind for this model was recorded with {@code detailFragment} in its detail. */
    public boolean hasEvent(DSLContext ctx, String kind, String modelId, String detailFragment) {
        return ctx.fetchExists(ctx.selectFrom(DRIFT_EVENTS)
                .where(DRIFT_EVENTS.KIND.eq(kind)).and(DRIFT_EVENTS.MODEL_ID.eq(modelId))
                .and(DRIFT_EVENTS.DETAIL_JSON.like("%" + detailFragment + "%")));
    }

    public void insert(DSLContext ctx, Instant at, String kind, String modelId, String detailJson) {
        ctx.insertInto(DRIFT_EVENTS)
                .set(DRIFT_EVENTS.DETECTED_AT, UtcTime.format(at))
                .set(DRIFT_EVENTS.KIND, kind)
                .set(DRIFT_EVENTS.MODEL_ID, modelId)
                .set(DRIFT_EVENTS.DETAIL_JSON, detailJson)
                .execute();
    }

    /** Stored events, newest first. */
    public List<DriftEvent> events(boolean includeAcknowledged) {
        var q = db.read().selectFrom(DRIFT_EVENTS);
        var where = includeAcknowledged ? q.where() : q.where(DRIFT_EVENTS.ACKNOWLEDGED.eq(0L));
        return where.orderBy(DRIFT_EVENTS.ID.desc()).fetch(r -> new DriftEvent(r.getId(),
                UtcTime.parse(r.getDetectedAt()), r.getKind(), r.getModelId(), r.getDetailJson(), r.getAcknowledged() == 1L));
    }

    /** Marks the event seen; false when there is no such event. */
    public boolean acknowledge(long id) {
        return db.write(ctx -> ctx.update(DRIFT_EVENTS).set(DRIFT_EVENTS.ACKNOWLEDGED, 1L)
                .where(DRIFT_EVENTS.ID.eq(id)).execute()) > 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
