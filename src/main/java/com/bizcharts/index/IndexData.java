package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/**
 * Reads the store into per-bucket {@link PostSignal}s, point-in-time: a post counts in the bucket it was posted
 * in; its engagement is what had been observed before the bucket ended; a human label counts only if it was given
 * before the bucket ended (a later label would be hindsight). Posts without a prediction from the model and
 * without a label in time are left out: the index says how many posts carry it.
 */
public final class IndexData {

    private final Database db;

    public IndexData(Database db) {
        this.db = db;
    }

    /** Buckets from {@code from} (inclusive) to {@code to} (exclusive), consecutive, with their posts. */
    public List<List<PostSignal>> load(String modelId, Bucket bucket, Instant from, Instant to) {
        int n = (int) ((to.getEpochSecond() - from.getEpochSecond()) / bucket.length().toSeconds());
        List<List<PostSignal>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new ArrayList<>());
        if (n == 0) return out;
        String f = UtcTime.format(from), t = UtcTime.format(to);
        var ctx = db.read();

        Map<Long, double[]> prediction = new HashMap<>();
        ctx.select(PREDICTIONS.THREAD_ID, PREDICTIONS.P_BEARISH, PREDICTIONS.P_NEUTRAL, PREDICTIONS.P_BULLISH,
                        PREDICTIONS.CONFIDENCE, PREDICTIONS.SARCASM)
                .from(PREDICTIONS).join(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(PREDICTIONS.THREAD_ID))
                .where(PREDICTIONS.MODEL_ID.eq(modelId)).and(THREAD_OPS.POSTED_AT.ge(f)).and(THREAD_OPS.POSTED_AT.lt(t))
                .forEach(r -> prediction.put(r.value1(), new double[]{r.value2(), r.value3(), r.value4(), r.value5(), r.value6()}));
        Map<Long, Object[]> label = new HashMap<>();
        ctx.select(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.RATING, TRAINING_LABELS.LABELED_AT).from(TRAINING_LABELS)
                .join(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID))
                .where(TRAINING_LABELS.SKIPPED.eq(0L)).and(THREAD_OPS.POSTED_AT.ge(f)).and(THREAD_OPS.POSTED_AT.lt(t))
                .orderBy(TRAINING_LABELS.LABELED_AT)
                .forEach(r -> label.put(r.value1(), new Object[]{r.value2().intValue(), UtcTime.parse(r.value3())}));
        Map<Long, List<long[]>> observations = new HashMap<>();
        ctx.select(THREAD_OBSERVATIONS.THREAD_ID, THREAD_OBSERVATIONS.OBSERVED_AT, THREAD_OBSERVATIONS.REPLY_COUNT)
                .from(THREAD_OBSERVATIONS).join(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(THREAD_OBSERVATIONS.THREAD_ID))
                .where(THREAD_OPS.POSTED_AT.ge(f)).and(THREAD_OPS.POSTED_AT.lt(t))
                .orderBy(THREAD_OBSERVATIONS.OBSERVED_AT)
                .forEach(r -> observations.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new long[]{UtcTime.parse(r.value2()).getEpochSecond(), r.value3()}));
        Map<Long, List<String>> coins = new HashMap<>();
        ctx.selectDistinct(COIN_MENTIONS.THREAD_ID, COIN_MENTIONS.COIN_SYMBOL).from(COIN_MENTIONS)
                .join(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(COIN_MENTIONS.THREAD_ID))
                .where(THREAD_OPS.POSTED_AT.ge(f)).and(THREAD_OPS.POSTED_AT.lt(t)).and(COIN_MENTIONS.CONFIDENCE.ge(0.55))
                .forEach(r -> coins.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));

        ctx.select(THREAD_OPS.THREAD_ID, THREAD_OPS.POSTED_AT).from(THREAD_OPS)
                .where(THREAD_OPS.POSTED_AT.ge(f)).and(THREAD_OPS.POSTED_AT.lt(t)).and(THREAD_OPS.STICKY.eq(0L))
                .forEach(r -> {
                    long id = r.value1();
                    long posted = UtcTime.parse(r.value2()).getEpochSecond();
                    int b = (int) ((posted - from.getEpochSecond()) / bucket.length().toSeconds());
                    long bucketEnd = from.getEpochSecond() + (b + 1L) * bucket.length().toSeconds();
                    double[] p;
                    double conf, sarcasm;
                    Object[] l = label.get(id);
                    double[] pred = prediction.get(id);
                    if (l != null && ((Instant) l[1]).getEpochSecond() < bucketEnd) {
                        int rating = (int) l[0];
                        p = new double[]{rating == 1 ? 1 : 0, rating == 2 ? 1 : 0, rating == 3 ? 1 : 0};
                        conf = 1;
                        sarcasm = 0;
                    } else if (pred != null) {
                        p = pred;
                        conf = pred[3];
                        sarcasm = pred[4];
                    } else {
                        return;
                    }
                    int replies = 0, growth = 0;
                    List<long[]> obs = observations.get(id);
                    if (obs != null) {
                        long[] first = null, last = null;
                        for (long[] o : obs) {
                            if (o[0] >= bucketEnd) break;
                            if (first == null) first = o;
                            last = o;
                        }
                        if (last != null) {
                            replies = (int) last[1];
                            growth = (int) (last[1] - first[1]);
                        }
                    }
                    List<String> c = coins.getOrDefault(id, List.of());
                    out.get(b).add(new PostSignal(posted, p[0], p[1], p[2], conf, sarcasm, replies, growth, c.toArray(String[]::new)));
                });
        return out;
    }
}
