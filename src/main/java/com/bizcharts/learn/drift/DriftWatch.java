package com.bizcharts.learn.drift;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.DRIFT_EVENTS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/**
 * Looks for the two kinds of drift that mean the active model is getting stale, and records them as events the
 * workstation shows with a "retrain" suggestion:
 * <ul>
 *   <li>error-rate: ADWIN over the stream of "was the model wrong?" for every human label given after the
 *       model's prediction on that post, in labeling order;</li>
 *   <li>vocabulary: the share of words in recent posts that no labeled post contains.</li>
 * </ul>
 * The error stream is replayed from the start on every check (it is small), so a check is idempotent: a drift
 * already recorded for the same model and position is not recorded twice.
 */
public final class DriftWatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the first change was detected, the error rate of the window just before it, and the rate now. */
    public record ErrorDrift(int labelsSeen, int detectedAtLabel, double errorRateBefore, double errorRateNow) {}

    public record Report(String modelId, int comparedLabels, double errorRate, Optional<ErrorDrift> errorDrift,
                         VocabularyReport vocabulary) {
        public boolean retrainSuggested() {
            return errorDrift.isPresent() || vocabulary.drifted();
        }
    }

    private final Database db;
    private final Clock clock;

    public DriftWatch(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Report check(String modelId, Duration recentWindow) {
        List<Boolean> errors = db.read()
                .select(PREDICTIONS.LABEL, TRAINING_LABELS.RATING)
                .from(TRAINING_LABELS)
                .join(PREDICTIONS).on(PREDICTIONS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID))
                .where(PREDICTIONS.MODEL_ID.eq(modelId))
                .and(TRAINING_LABELS.SKIPPED.eq(0L))
                .and(TRAINING_LABELS.LABELED_AT.ge(PREDICTIONS.SCORED_AT))
                .orderBy(TRAINING_LABELS.LABELED_AT, TRAINING_LABELS.ID)
                .fetch(r -> !r.value1().equals(r.value2()));
        Adwin adwin = Adwin.standard();
        int firstCut = -1, wrong = 0;
        double rateBefore = 0;
        for (int i = 0; i < errors.size(); i++) {
            boolean e = errors.get(i);
            if (e) wrong++;
            double before = adwin.mean();
            if (adwin.add(e ? 1 : 0) && firstCut < 0) {
                firstCut = i + 1;
                rateBefore = before;
            }
        }
        // Only a rise in errors is drift worth a retrain; a model getting better is not.
        ErrorDrift drift = firstCut > 0 && adwin.mean() > rateBefore
                ? new ErrorDrift(errors.size(), firstCut, rateBefore, adwin.mean()) : null;
        VocabularyReport vocab = vocabulary(recentWindow);
        Report report = new Report(modelId, errors.size(), errors.isEmpty() ? 0 : (double) wrong / errors.size(),
                Optional.ofNullable(drift), vocab);
        record(report);
        return report;
    }

    private VocabularyReport vocabulary(Duration recentWindow) {
        List<String> labeledTexts = db.read()
                .select(THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN)
                .from(THREAD_OPS).where(THREAD_OPS.THREAD_ID.in(
                        db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS)))
                .fetch(r -> nz(r.value1()) + " " + nz(r.value2()));
        String since = UtcTime.format(clock.instant().minus(recentWindow));
        List<String> recent = db.read()
                .select(THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN)
                .from(THREAD_OPS).where(THREAD_OPS.FIRST_SEEN_AT.ge(since))
                .and(THREAD_OPS.THREAD_ID.notIn(db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS)))
                .fetch(r -> nz(r.value1()) + " " + nz(r.value2()));
        return new VocabularyMonitor(labeledTexts).examine(recent);
    }

    private void record(Report report) {
        Instant now = clock.instant();
        db.writeVoid(ctx -> {
            report.errorDrift().ifPresent(d -> {
                ObjectNode detail = JSON.createObjectNode()
                        .put("detected_at_label", d.detectedAtLabel())
                        .put("labels_seen", d.labelsSeen())
                        .put("error_rate_before", d.errorRateBefore())
                        .put("error_rate_now", d.errorRateNow());
                boolean known = ctx.fetchExists(ctx.selectFrom(DRIFT_EVENTS)
                        .where(DRIFT_EVENTS.KIND.eq("error-rate")).and(DRIFT_EVENTS.MODEL_ID.eq(report.modelId()))
                        .and(DRIFT_EVENTS.DETAIL_JSON.like("%\"detected_at_label\":" + d.detectedAtLabel() + ",%")));
                if (!known) insert(ctx, now, "error-rate", report.modelId(), detail.toString());
            });
            if (report.vocabulary().drifted()) {
                ObjectNode detail = JSON.createObjectNode().put("unknown_share", report.vocabulary().unknownShare());
                var terms = detail.putArray("new_terms");
                report.vocabulary().newTerms().forEach(t -> terms.addObject().put("term", t.term()).put("count", t.count()));
                insert(ctx, now, "vocabulary", report.modelId(), detail.toString());
            }
        });
    }

    private static void insert(org.jooq.DSLContext ctx, Instant at, String kind, String modelId, String detail) {
        ctx.insertInto(DRIFT_EVENTS)
                .set(DRIFT_EVENTS.DETECTED_AT, UtcTime.format(at))
                .set(DRIFT_EVENTS.KIND, kind)
                .set(DRIFT_EVENTS.MODEL_ID, modelId)
                .set(DRIFT_EVENTS.DETAIL_JSON, detail)
                .execute();
    }

    /** Stored events, newest first, for the workstation and {@code learn drift}. */
    public List<DriftEvent> events(boolean includeAcknowledged) {
        var q = db.read().selectFrom(DRIFT_EVENTS);
        var where = includeAcknowledged ? q.where() : q.where(DRIFT_EVENTS.ACKNOWLEDGED.eq(0L));
        return where.orderBy(DRIFT_EVENTS.ID.desc()).fetch(r -> new DriftEvent(r.getId(),
                UtcTime.parse(r.getDetectedAt()), r.getKind(), r.getModelId(), r.getDetailJson(), r.getAcknowledged() == 1L));
    }

    public boolean acknowledge(long id) {
        return db.write(ctx -> ctx.update(DRIFT_EVENTS).set(DRIFT_EVENTS.ACKNOWLEDGED, 1L)
                .where(DRIFT_EVENTS.ID.eq(id)).execute()) > 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
