package com.bizcharts.learn;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;

import java.time.Instant;
import java.util.List;

import static com.bizcharts.store.schema.Tables.PREDICTIONS;

/** Posts, human labels and predictions written through the real repositories and schema. */
public final class LearnFixtures {

    private LearnFixtures() {}

    public static void post(Database db, long id, String subject, String text, String thumbnail, Instant seen) {
        ThreadOp op = new ThreadOp(id, "biz", subject, null, text, "Anonymous", null, seen, 3, 1, null, thumbnail,
                false, false, ThreadOp.Source.LIVE);
        new ThreadRepository(db).upsert(List.of(op), seen);
    }

    public static void label(Database db, long id, int rating, Instant at) {
        new LabelRepository(db).save(Label.rated(id, rating, "alice", at, null, null));
    }

    public static void prediction(Database db, long id, String modelId, int label, Instant scoredAt) {
        double[] p = new double[3];
        p[label - 1] = 0.8;
        p[(label) % 3] = 0.1;
        p[(label + 1) % 3] = 0.1;
        db.writeVoid(ctx -> ctx.insertInto(PREDICTIONS)
                .set(PREDICTIONS.THREAD_ID, id).set(PREDICTIONS.MODEL_ID, modelId)
                .set(PREDICTIONS.LABEL, (long) label).set(PREDICTIONS.SCORE, p[2] - p[0])
                .set(PREDICTIONS.CONFIDENCE, 0.8).set(PREDICTIONS.P_BEARISH, p[0]).set(PREDICTIONS.P_NEUTRAL, p[1])
                .set(PREDICTIONS.P_BULLISH, p[2]).set(PREDICTIONS.IMAGE_STATUS, "missing")
                .set(PREDICTIONS.SCORED_AT, UtcTime.format(scoredAt)).execute());
    }
}
