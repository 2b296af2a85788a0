package com.bizcharts.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-coin sentiment per bucket: mentions, weighted sentiment (confidence x engagement, sarcasm-adjusted, in
 * [-1, 1]), bullish and bearish counts (by most probable class), mean confidence and the change since the
 * coin's previous bucket with mentions.
 */
public final class CoinSentiment {

    public record Row(Instant bucket, String coin, int mentions, double sentiment, int bullish, int bearish,
                      double confidence, Double change) {}

    private CoinSentiment() {}

    public static List<Row> compute(Bucket bucket, Instant first, List<List<PostSignal>> perBucket) {
        List<Row> rows = new ArrayList<>();
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
                rows.add(new Row(start, e.getKey(), (int) a[0], s, (int) a[3], (int) a[4], a[5] / a[0],
                        before == null ? null : s - before));
            }
        }
        return rows;
    }

    /** The coins of the last bucket with the largest moves (at least {@code minMentions} mentions). */
    public static List<Row> topMovers(List<Row> rows, int minMentions, int n) {
        if (rows.isEmpty()) return List.of();
        Instant last = rows.get(rows.size() - 1).bucket();
        return rows.stream().filter(r -> r.bucket().equals(last) && r.change() != null && r.mentions() >= minMentions)
                .sorted(Comparator.comparingDouble((Row r) -> -Math.abs(r.change()))).limit(n).toList();
    }

    /** Most mentioned coins over all buckets. */
    public static List<Map.Entry<String, int[]>> top(List<Row> rows, int n) {
        Map<String, int[]> totals = new HashMap<>(); // mentions, bullish, bearish
        for (Row r : rows) {
            int[] t = totals.computeIfAbsent(r.coin(), k -> new int[3]);
            t[0] += r.mentions();
            t[1] += r.bullish();
            t[2] += r.bearish();
        }
        return totals.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey)).limit(n).toList();
    }
}
