package com.bizcharts.index;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One bucket's posts summed once for the index and the coin table, so a range is kept as a few numbers per bucket
 * rather than as its posts, and a bucket whose posts changed is summed again on its own. With w = confidence x
 * engagement per post (see {@link PostSignal}):
 *
 * @param stored        posts stored in the bucket (stickies left out)
 * @param unscored      of those, posts the model has not scored yet (some may still count through a human label)
 * @param posts         posts that count: a prediction from the model or a human label given in time
 * @param weight        sum w
 * @param weightSquared sum w^2
 * @param score         sum w (P(bull) - P(bear))
 * @param adjusted      sum w s', the score with likely sarcasm turned around
 * @param bullish       sum w P(bull)
 * @param polar         sum w (P(bull) + P(bear))
 * @param coins         per coin mentioned in the bucket, by symbol
 */
public record BucketTotals(int stored, int unscored, int posts, double weight, double weightSquared, double score,
                           double adjusted, double bullish, double polar, SortedMap<String, CoinSums> coins) {

    public static final BucketTotals EMPTY = new Builder().build();

    /**
     * One coin's mentions in a bucket.
     *
     * @param bullish posts whose most probable class is bullish; {@code bearish} likewise
     * @param confidence sum of the posts' confidence
     */
    public record CoinSums(int mentions, double weight, double adjusted, int bullish, int bearish, double confidence) {}

    /** The totals of these posts, all counted as scored. */
    public static BucketTotals of(List<PostSignal> posts) {
        Builder b = new Builder();
        for (PostSignal p : posts) {
            b.stored(true);
            b.add(p);
        }
        return b.build();
    }

    /**
     * Sums posts in the order they are added. Floating-point sums depend on order, so every reader adds a bucket's
     * posts in posting order: a bucket summed again after an update then equals the same bucket from a fresh load.
     */
    public static final class Builder {
        private int stored, unscored, posts;
        private double weight, weightSquared, score, adjusted, bullish, polar;
        private final TreeMap<String, CoinBuilder> coins = new TreeMap<>();

        /** Counts a stored post, with or without a prediction from the model. */
        public void stored(boolean scored) {
            stored++;
            if (!scored) unscored++;
        }

        public void add(PostSignal p) {
            double w = p.weight();
            posts++;
            weight += w;
            weightSquared += w * w;
            score += w * p.score();
            adjusted += w * p.sarcasmAdjustedScore();
            bullish += w * p.pBull();
            polar += w * (p.pBull() + p.pBear());
            for (String coin : p.coins()) coins.computeIfAbsent(coin, k -> new CoinBuilder()).add(p, w);
        }

        public BucketTotals build() {
            TreeMap<String, CoinSums> sums = new TreeMap<>();
            coins.forEach((coin, c) -> sums.put(coin, c.build()));
            return new BucketTotals(stored, unscored, posts, weight, weightSquared, score, adjusted, bullish, polar,
                    Collections.unmodifiableSortedMap(sums));
        }
    }

    private static final class CoinBuilder {
        private int mentions, bullish, bearish;
        private double weight, adjusted, confidence;

        void add(PostSignal p, double w) {
            mentions++;
            weight += w;
            adjusted += w * p.sarcasmAdjustedScore();
            if (p.pBull() > p.pBear() && p.pBull() > p.pNeutral()) bullish++;
            if (p.pBear() > p.pBull() && p.pBear() > p.pNeutral()) bearish++;
            confidence += p.confidence();
        }

        CoinSums build() {
            return new CoinSums(mentions, weight, adjusted, bullish, bearish, confidence);
        }
    }
}
