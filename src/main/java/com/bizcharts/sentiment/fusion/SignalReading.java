package com.bizcharts.sentiment.fusion;

/**
 * One signal's verdict on a post: bearish, neutral and bullish probabilities.
 *
 * @param detail a short human note on what drove it (e.g. "term 'wagmi'"), or empty
 */
public record SignalReading(Signal signal, double[] probabilities, String detail) {

    public SignalReading {
        if (probabilities.length != 3) throw new IllegalArgumentException("a reading has three probabilities");
    }

    public static SignalReading of(Signal signal, double[] probabilities) {
        return new SignalReading(signal, probabilities, "");
    }

    /** P(bullish) - P(bearish), in [-1, 1]. */
    public double score() {
        return probabilities[2] - probabilities[0];
    }
}
