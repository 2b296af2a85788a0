package com.bizcharts.sentiment.lexicon;

/** VADER's output: shares of negative, neutral and positive (sum 1) and the normalised compound in [-1, 1]. */
public record VaderScores(double neg, double neu, double pos, double compound) {

    public static final VaderScores EMPTY = new VaderScores(0, 0, 0, 0);
}
