package com.bizcharts.coins;

import java.util.Locale;

/**
 * Which evidence made a coin mention, with the confidence it gives; stored as {@link #id()} in
 * {@code coin_mentions.mention_rule}. {@link #PAIR} and the {@code WORD_*} rules are the only ways a ticker that is
 * also an English word ({@link Coin#word()}: ONE, GAS, LINK) counts without a cashtag or the coin's name.
 */
public enum MentionRule {
    /** {@code $LINK}. */
    CASHTAG(0.95),
    /** The full name: {@code chainlink}, {@code harmony one}. */
    NAME(0.9),
    /** A ticker that is not a word, in capitals: {@code BTC}. */
    TICKER(0.85),
    /** A ticker in capitals in a trading pair, word or not: {@code ONE/USDT}, {@code LINK-BTC}, {@code ONEUSDT}. */
    PAIR(0.85),
    /** A ticker that is not a word, in lower case: {@code btc}. */
    TICKER_LOWER(0.75),
    /**
     * A word-ticker in capitals next to a price or an amount: {@code LINK at $12}, {@code $200 LINK},
     * {@code LINK: 18.15}, {@code 5000 LINK}.
     */
    WORD_NUMBER(0.7),
    /** A word-ticker in capitals listed with another coin: {@code BTC / QNT / LINK}, {@code SOL and BNB}. */
    WORD_LIST(0.65),
    /** A slang alias: {@code corn}, {@code link marines}. */
    ALIAS(0.6),
    /** A word-ticker in capitals next to market words: {@code LINK dumping}, {@code ONE staking}. */
    WORD_MARKET(0.55),
    /**
     * A ticker the coin list marks as a word that is no common English word ({@code SUI}, {@code KAS}), in capitals in
     * a text with another coin or crypto vocabulary anywhere: "What went wrong with SUI? ... this coin does is drop".
     */
    WORD_CRYPTO_POST(0.55),
    /** A row stored before rules were recorded (V13). */
    UNKNOWN(0);

    private final double confidence;

    MentionRule(double confidence) {
        this.confidence = confidence;
    }

    public double confidence() {
        return confidence;
    }

    /** The stored name: {@code cashtag}, {@code word_pair}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule of a stored name; {@link #UNKNOWN} for anything else, so an older or newer row still reads. */
    public static MentionRule ofId(String id) {
        if (id != null) {
            for (MentionRule r : values()) if (r.id().equals(id)) return r;
        }
        return UNKNOWN;
    }
}
