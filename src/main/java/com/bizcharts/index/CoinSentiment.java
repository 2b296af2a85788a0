package com.bizcharts.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-coin sentiment per bucket: mentions, weighted sentiment (confidence x engagement, sarcasm-adjusted, in
 * [-1, 1]), bullish and bearish counts (by most probable class), mean confidence and the change since the
 * coin's previous bucket with mentions.
 */
public final class CoinSentiment {

    public record Row(Instant bucket, String coin, int mentions, double sentiment, int bullish, int bearish,
                      double confidence, Double change) {}

    /**
     * One coin over a whole range: what the coin table shows, for the command line and the dashboard alike.
     *
     * @param sentiment the buckets' sentiment weighted by their mentions, in [-1, 1]
     */
    public record CoinTotals(String coin, int mentions, int bullish, int bearish, double sentiment) {}

    private CoinSentiment() {}

    /** Rows of consecutive buckets starting at {@code first}, by bucket and then by coin. */
    public static List<Row> compute(Bucket bucket, Instant first, List<BucketTotals> buckets) {
        return compute(bucket, first, buckets, 0, List.of());
    }

    /**
     * As {@link #compute(Bucket, Instant, List)} when the buckets before {@code from} are unchanged and {@code before}
     * holds their rows: only the later buckets are computed again (a row's change looks back, never ahead), which
     * keeps a live update of a year of hours in milliseconds.
     */
    public static List<Row> compute(Bucket bucket, Instant first, List<BucketTotals> buckets, int from, List<Row> before) {
        List<Row> rows = new ArrayList<>(before);
        Map<String, Double> previous = new HashMap<>();
        for (Row r : before) previous.put(r.coin(), r.sentiment());
        for (int b = from; b < buckets.size(); b++) {
            Instant start = first.plus(bucket.length().multipliedBy(b));
            for (var e : buckets.get(b).coins().entrySet()) {
                BucketTotals.CoinSums c = e.getValue();
                double s = c.weight() == 0 ? 0 : c.adjusted() / c.weight();
                Double earlier = previous.put(e.getKey(), s);
                rows.add(new Row(start, e.getKey(), c.mentions(), s, c.bullish(), c.bearish(), c.confidence() / c.mentions(),
                        earlier == null ? null : s - earlier));
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

    /** The {@code n} most mentioned coins over all buckets, most mentioned first (ties by symbol). */
    public static List<CoinTotals> top(List<Row> rows, int n) {
        Map<String, List<Row>> byCoin = new LinkedHashMap<>();
        for (Row r : rows) byCoin.computeIfAbsent(r.coin(), k -> new ArrayList<>()).add(r);
        List<CoinTotals> totals = new ArrayList<>();
        byCoin.forEach((coin, own) -> {
            int mentions = 0, bullish = 0, bearish = 0;
            double weighted = 0;
            for (Row r : own) {
                mentions += r.mentions();
                bullish += r.bullish();
                bearish += r.bearish();
                weighted += r.sentiment() * r.mentions();
            }
            totals.add(new CoinTotals(coin, mentions, bullish, bearish, weighted / mentions));
        });
        return totals.stream().sorted(Comparator.comparingInt(CoinTotals::mentions).reversed().thenComparing(CoinTotals::coin))
                .limit(n).toList();
    }
}
