package com.bizcharts.sentiment;

import com.bizcharts.store.labels.SentimentLabel;
import java.util.List;

/**
 * A model's verdict on one post, from image and text together.
 *
 * @param score           in [-1, 1]: P(bullish) - P(bearish) after fusion
 * @param confidence      in [0, 1]: the probability of the chosen label
 * @param probabilities   bearish, neutral, bullish; sums to 1
 * @param sarcasm         probability that the post means the opposite of what its text says (text-image incongruity)
 * @param literal         the sentiment of the text taken at face value
 * @param inferred        the sentiment after accounting for the image and sarcasm (equals {@code label})
 * @param imageStatus     whether the image was used, and if not, why
 * @param drivers         the signals that drove the verdict, strongest first (e.g. "lexicon:+0.62 'wagmi'")
 */
public record Prediction(
        String modelId,
        SentimentLabel label,
        double score,
        double confidence,
        double[] probabilities,
        double sarcasm,
        SentimentLabel literal,
        SentimentLabel inferred,
        ImageStatus imageStatus,
        List<String> drivers) {

    public boolean imageUsed() {
        return imageStatus == ImageStatus.USED;
    }

    public double probability(SentimentLabel l) {
        return probabilities[l.index()];
    }
}
