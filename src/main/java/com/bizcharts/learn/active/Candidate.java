package com.bizcharts.learn.active;

/**
 * An unlabeled post as active learning sees it: the model's probabilities and the post's position in the model's
 * feature space (for diversity).
 */
public record Candidate(long threadId, double[] probabilities, double[] features) {

    /** Entropy of the probabilities divided by its maximum, so 1 means the model has no idea. */
    public double normalisedEntropy() {
        double h = 0;
        for (double p : probabilities) if (p > 0) h -= p * Math.log(p);
        return probabilities.length < 2 ? 0 : h / Math.log(probabilities.length);
    }
}
