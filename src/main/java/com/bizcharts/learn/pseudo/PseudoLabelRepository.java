package com.bizcharts.learn.pseudo;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;

import java.time.Instant;
import java.util.List;

import static com.bizcharts.store.schema.Tables.PSEUDO_LABELS;

/** The pseudo_labels table: the active model's confident verdicts a retrain trained on, kept as provenance. */
public final class PseudoLabelRepository {

    private final Database db;

    public PseudoLabelRepository(Database db) {
        this.db = db;
    }

    /**
     * Records one retrain's pseudo-labels by {@code modelId} at {@code threshold}, in one transaction; a post the model
     * labeled before keeps its first row.
     */
    public void save(String modelId, double threshold, List<PseudoLabelPolicy.PseudoLabel> labels, Instant at) {
        String now = UtcTime.format(at);
        db.writeVoid(ctx -> labels.forEach(pl -> ctx.insertInto(PSEUDO_LABELS)
                .set(PSEUDO_LABELS.THREAD_ID, pl.threadId()).set(PSEUDO_LABELS.MODEL_ID, modelId)
                .set(PSEUDO_LABELS.RATING, (long) pl.label().rating()).set(PSEUDO_LABELS.CONFIDENCE, pl.confidence())
                .set(PSEUDO_LABELS.THRESHOLD, threshold).set(PSEUDO_LABELS.CREATED_AT, now)
                .onConflictDoNothing().execute()));
    }
}
