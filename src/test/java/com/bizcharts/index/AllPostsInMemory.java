package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/**
 * The index as it was computed before bucket totals, kept verbatim as the yardstick: every post of the range read
 * into maps, then the index and coin rows computed from the lists of posts. The tests hold today's numbers to these,
 * to the last bit.
 */
final class AllPostsInMemory {

    record Result(List<IndexPoint> index, List<CoinSentiment.Row> coins) {}

    private AllPostsInMemory() {}

    static Result sentiment(Database db, String modelId, Bucket bucket, Instant from, Instant to) {
        Instant baselineStart = from.minus(Duration.ofDays(30));
        List<List<PostSignal>> perBucket = load(db, modelId, bucket, baselineStart, to);
        int first = (int) ((from.getEpochSecond() - baselineStart.getEpochSecond()) / bucket.length().toSeconds());
        List<IndexPoint> index = new ArrayList<>();
        for (int b = first; b < perBucket.size(); b++) {
            index.add(point(baselineStart.plus(bucket.length().multipliedBy(b)), perBucket.get(b),
                    activityZ(perBucket, b, bucket.baselineBuckets())));
        }
        return new Result(index, coins(bucket, from, perBucket.subList(first, perBucket.size())));
    }

    static List<List<PostSignal>> load(Database db, String modelId, Bucket bucket, Instant from, Instant to) {
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

    private static double activityZ(List<List<PostSignal>> perBucket, int b, int baseline) {
        int from = Math.max(0, b - baseline);
        int n = b - from;
        if (n < 3) return 0;
        double sum = 0, sq = 0;
        for (int k = from; k < b; k++) {
            int c = perBucket.get(k).size();
            sum += c;
            sq += (double) c * c;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
        return sd == 0 ? 0 : (perBucket.get(b).size() - mean) / sd;
    }

    private static IndexPoint point(Instant bucket, List<PostSignal> posts, double z) {
        double sw = 0, sw2 = 0, s = 0, adj = 0, bull = 0, polar = 0;
        for (PostSignal p : posts) {
            double w = p.weight();
            sw += w;
            sw2 += w * w;
            s += w * p.score();
            adj += w * p.sarcasmAdjustedScore();
            bull += w * p.pBull();
            polar += w * (p.pBull() + p.pBear());
        }
        if (sw == 0) return new IndexPoint(bucket, posts.size(), 50, 50, 50, 50, 50, z, false);
        double sentiment = 50 * (1 + adj / sw);
        double balance = 50 * (1 + s / sw);
        double share = polar == 0 ? 50 : 100 * bull / polar;
        double activity = 50 + 50 * Math.tanh(z / 2) * Math.signum(sentiment - 50);
        double raw = 0.40 * sentiment + 0.35 * share + 0.25 * activity;
        double nEff = sw * sw / sw2;
        double value = 50 + (raw - 50) * nEff / (nEff + 10);
        return new IndexPoint(bucket, posts.size(), value, sentiment, share, activity, balance, z, posts.size() >= 20);
    }

    private static List<CoinSentiment.Row> coins(Bucket bucket, Instant first, List<List<PostSignal>> perBucket) {
        List<CoinSentiment.Row> rows = new ArrayList<>();
        Map<String, Double> previous = new HashMap<>();
        for (int b = 0; b < perBucket.size(); b++) {
            Instant start = first.plus(bucket.length().multipliedBy(b));
            Map<String, double[]> acc = new TreeMap<>(); // mentions, sw, sws, bull, bear, conf
            for (PostSignal p : perBucket.get(b)) {
                for (String coin : p.coins()) {
                    double[] a = acc.computeIfAbsent(coin, k -> new double[6]);
                    double w = p.weight();
                    a[0]++;
                    a[1] += w;
                    a[2] += w * p.sarcasmAdjustedScore();
                    if (p.pBull() > p.pBear() && p.pBull() > p.pNeutral()) a[3]++;
                    if (p.pBear() > p.pBull() && p.pBear() > p.pNeutral()) a[4]++;
                    a[5] += p.confidence();
                }
            }
            for (var e : acc.entrySet()) {
                double[] a = e.getValue();
                double s = a[1] == 0 ? 0 : a[2] / a[1];
                Double before = previous.put(e.getKey(), s);
                rows.add(new CoinSentiment.Row(start, e.getKey(), (int) a[0], s, (int) a[3], (int) a[4], a[5] / a[0],
                        before == null ? null : s - before));
            }
        }
        return rows;
    }
}
