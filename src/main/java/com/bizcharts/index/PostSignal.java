package com.bizcharts.index;

/**
 * One post as the index sees it, everything already cut to what was known by the end of its bucket.
 *
 * @param postedAt   epoch seconds
 * @param pBear      probabilities (a human label known in time replaces them with a one-hot)
 * @param confidence the model's confidence (1 for a human label)
 * @param sarcasm    probability that the post means the opposite of its text
 * @param replies    replies as last observed before the bucket ended (0 when never observed in time)
 * @param growth     growth of replies between the first and that last observation
 * @param threadId   the post, for explaining a bucket (0 where no post stands behind it: generated benchmarks)
 * @param human      true when a human label known in time stands in for the model's prediction
 */
public record PostSignal(long postedAt, double pBear, double pNeutral, double pBull, double confidence, double sarcasm,
                         int replies, int growth, String[] coins, long threadId, boolean human) {

    /** A post that stands for no stored thread (benchmarks, arithmetic in tests). */
    public PostSignal(long postedAt, double pBear, double pNeutral, double pBull, double confidence, double sarcasm,
                      int replies, int growth, String[] coins) {
        this(postedAt, pBear, pNeutral, pBull, confidence, sarcasm, replies, growth, coins, 0, false);
    }

    /** Engagement weight: diminishing in replies, with a bonus for threads that were still growing. */
    public double engagement() {
        return 1 + Math.log1p(replies) + 0.5 * Math.log1p(Math.max(0, growth));
    }

    public double weight() {
        return confidence * engagement();
    }

    public double score() {
        return pBull - pBear;
    }

    /** The score with likely sarcasm turned around: above 0.5 the post probably means the opposite. */
    /** How far this post moves its bucket's score: its weight times its score. */
    public double contribution() {
        return weight() * score();
    }

    public double sarcasmAdjustedScore() {
        return sarcasm > 0.5 ? score() * (1 - 2 * sarcasm) : score();
    }
}
