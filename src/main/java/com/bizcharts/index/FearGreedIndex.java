package com.bizcharts.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The /biz/ Fear/Greed index (formula and reasons: docs/fear-greed.md). Per bucket, with w = confidence x
 * engagement per post:
 * <pre>
 *   sentiment    = 50 (1 + sum w s' / sum w)         s' = P(bull) - P(bear), turned around when sarcasm > 0.5
 *   bullishShare = 100 sum w P(bull) / sum w (P(bull) + P(bear))
 *   activity     = 50 + 50 tanh(z / 2) sign(sentiment - 50)    z = (posts - mean) / sd over the 30 days before
 *   raw          = 0.40 sentiment + 0.35 bullishShare + 0.25 activity
 *   value        = 50 + (raw - 50) n / (n + 10)       n = (sum w)^2 / sum w^2, the effective number of posts
 * </pre>
 * Point-in-time: the caller passes, per bucket, the totals of only what was known at its end, and the activity
 * baseline uses earlier buckets only; so the history can be backtested without look-ahead.
 */
public final class FearGreedIndex {

    public static final double W_SENTIMENT = 0.40, W_BULLISH = 0.35, W_ACTIVITY = 0.25;
    public static final double SHRINK_K = 10;
    public static final int MIN_POSTS = 20;

    /** At or below: extreme fear; at or above: extreme greed (the backtest's default thresholds too). */
    public static final double EXTREME_FEAR = 25, EXTREME_GREED = 75;

    private FearGreedIndex() {}

    /** The word for a value: extreme fear (<= 25), fear (< 45), neutral (45..55), greed (< 75), extreme greed (>= 75). */
    public static String mood(double value) {
        return value <= EXTREME_FEAR ? "extreme fear" : value < 45 ? "fear" : value <= 55 ? "neutral"
                : value < EXTREME_GREED ? "greed" : "extreme greed";
    }

    /**
     * @param buckets totals of consecutive buckets starting at {@code first}; earlier buckets before
     *                {@code firstReported} only feed the activity baseline
     */
    public static List<IndexPoint> compute(Bucket bucket, Instant first, List<BucketTotals> buckets, int firstReported) {
        List<IndexPoint> out = new ArrayList<>();
        Activity activity = new Activity(buckets);
        int baseline = bucket.baselineBuckets();
        for (int b = firstReported; b < buckets.size(); b++) {
            Instant start = first.plus(bucket.length().multipliedBy(b));
            out.add(point(start, buckets.get(b), activity.z(b, baseline)));
        }
        return out;
    }

    static double activityZ(List<BucketTotals> buckets, int b, int baseline) {
        return new Activity(buckets).z(b, baseline);
    }

    /**
     * Running sums of the posts per bucket, so each bucket's baseline is two subtractions instead of a walk over up to
     * 720 hours. Counts are integers, so these sums are exactly the ones a walk would add up.
     */
    private static final class Activity {
        private final long[] posts, sum, squares;

        Activity(List<BucketTotals> buckets) {
            posts = new long[buckets.size()];
            sum = new long[buckets.size() + 1];
            squares = new long[buckets.size() + 1];
            for (int k = 0; k < posts.length; k++) {
                posts[k] = buckets.get(k).posts();
                sum[k + 1] = sum[k] + posts[k];
                squares[k + 1] = squares[k] + posts[k] * posts[k];
            }
        }

        /** How unusual bucket b's activity is against the {@code baseline} buckets before it (0 with fewer than 3). */
        double z(int b, int baseline) {
            int from = Math.max(0, b - baseline);
            int n = b - from;
            if (n < 3) return 0;
            double mean = (double) (sum[b] - sum[from]) / n;
            double sd = Math.sqrt(Math.max(0, (double) (squares[b] - squares[from]) / n - mean * mean));
            return sd == 0 ? 0 : (posts[b] - mean) / sd;
        }
    }

    public static IndexPoint point(Instant bucket, List<PostSignal> posts, double z) {
        return point(bucket, BucketTotals.of(posts), z);
    }

    public static IndexPoint point(Instant bucket, BucketTotals t, double z) {
        if (t.weight() == 0) return new IndexPoint(bucket, t.posts(), 50, 50, 50, 50, 50, z, false);
        double sentiment = 50 * (1 + t.adjusted() / t.weight());
        double balance = 50 * (1 + t.score() / t.weight());
        double share = t.polar() == 0 ? 50 : 100 * t.bullish() / t.polar();
        double activity = 50 + 50 * Math.tanh(z / 2) * Math.signum(sentiment - 50);
        double raw = W_SENTIMENT * sentiment + W_BULLISH * share + W_ACTIVITY * activity;
        double nEff = t.weight() * t.weight() / t.weightSquared();
        double value = 50 + (raw - 50) * nEff / (nEff + SHRINK_K);
        return new IndexPoint(bucket, t.posts(), value, sentiment, share, activity, balance, z, t.posts() >= MIN_POSTS);
    }
}
