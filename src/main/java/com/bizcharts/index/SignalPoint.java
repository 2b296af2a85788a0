package com.bizcharts.index;

import java.time.Instant;
import java.util.List;

/**
 * A sentiment reading on 0..100 for one bucket, known at the bucket's end and not before (the index, or a coin's
 * sentiment mapped from [-1, 1] as {@code 50 (1 + s)}).
 *
 * @param weight how many posts (or mentions) carry it
 */
public record SignalPoint(Instant bucket, double value, int weight) {

    /** The index's buckets that hold posts (an empty bucket's 50 is no reading). */
    public static List<SignalPoint> ofIndex(List<IndexPoint> points) {
        return points.stream().filter(p -> p.posts() > 0).map(p -> new SignalPoint(p.bucket(), p.value(), p.posts())).toList();
    }

    /** One coin's buckets with at least {@code minMentions} mentions, as {@code 50 (1 + sentiment)}. */
    public static List<SignalPoint> ofCoin(List<CoinSentiment.Row> rows, String coin, int minMentions) {
        return rows.stream().filter(r -> r.coin().equals(coin) && r.mentions() >= minMentions)
                .map(r -> new SignalPoint(r.bucket(), 50 * (1 + r.sentiment()), r.mentions())).toList();
    }
}
