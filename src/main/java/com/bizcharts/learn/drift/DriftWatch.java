package com.bizcharts.learn.drift;

import com.bizcharts.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
    private final DriftRepository drift;
    private final Clock clock;

    public DriftWatch(Database db, Clock clock) {
        this.db = db;
        this.drift = new DriftRepository(db);
        this.clock = clock;
    }

    public Report check(String modelId, Duration recentWindow) {
        List<Boolean> errors = drift.verdictsAfterPrediction(modelId).stream().map(DriftRepository.Verdict::modelWasWrong).toList();
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
        List<String> recent = drift.unlabeledPostTextsSince(clock.instant().minus(recentWindow));
        return new VocabularyMonitor(drift.labeledPostTexts()).examine(recent);
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
                // detected_at_label is the detail's first field, so the comma ends the number: 1 never matches 12
                boolean known = drift.hasEvent(ctx, "error-rate", report.modelId(), "\"detected_at_label\":" + d.detectedAtLabel() + ",");
                if (!known) drift.insert(ctx, now, "error-rate", report.modelId(), detail.toString());
            });
            if (report.vocabulary().drifted()) {
                ObjectNode detail = JSON.createObjectNode().put("unknown_share", report.vocabulary().unknownShare());
                var terms = detail.putArray("new_terms");
                report.vocabulary().newTerms().forEach(t -> terms.addObject().put("term", t.term()).put("count", t.count()));
                drift.insert(ctx, now, "vocabulary", report.modelId(), detail.toString());
            }
        });
    }

    /** Stored events, newest first, for the workstation and {@code learn drift}. */
    public List<DriftEvent> events(boolean includeAcknowledged) {
        return drift.events(includeAcknowledged);
    }

    public boolean acknowledge(long id) {
        return drift.acknowledge(id);
    }
}
