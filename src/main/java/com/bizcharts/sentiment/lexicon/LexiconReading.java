package com.bizcharts.sentiment.lexicon;

/**
 * What the lexicon says about a text, as the embedded model consumes it.
 *
 * @param compound    VADER-style normalised sum in [-1, 1], slang included
 * @param positive    share of positive sentiment in [0, 1]
 * @param negative    share of negative sentiment in [0, 1]
 * @param bullishHits count of bullish slang phrases (wagmi, lfg, moon...)
 * @param bearishHits count of bearish slang phrases (ngmi, rekt, it's over...)
 */
public record LexiconReading(double compound, double positive, double negative, int bullishHits, int bearishHits) {

    public static final LexiconReading NONE = new LexiconReading(0, 0, 0, 0, 0);

    /** The source of readings; the sentiment lexicon (VADER + /biz/ slang) in the product. */
    @FunctionalInterface
    public interface Source {
        LexiconReading read(String text);
    }
}
