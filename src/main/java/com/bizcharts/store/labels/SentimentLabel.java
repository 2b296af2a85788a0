package com.bizcharts.store.labels;

import java.util.Locale;

/** The three classes every labeler and model uses; ratings 1-3 as stored in {@code training_labels.rating}. */
public enum SentimentLabel {
    BEARISH(1), NEUTRAL(2), BULLISH(3);

    private final int rating;

    SentimentLabel(int rating) {
        this.rating = rating;
    }

    public int rating() {
        return rating;
    }

    /** Index 0..2 into probability arrays (bearish, neutral, bullish). */
    public int index() {
        return rating - 1;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SentimentLabel ofRating(int rating) {
        if (rating < 1 || rating > 3) throw new IllegalArgumentException("rating must be 1, 2 or 3, got " + rating);
        return values()[rating - 1];
    }

    public static SentimentLabel ofIndex(int index) {
        return values()[index];
    }

    public static SentimentLabel ofWord(String word) {
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("label must be bearish, neutral or bullish, got '" + word + "'");
        }
    }
}
