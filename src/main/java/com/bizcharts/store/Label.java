package com.bizcharts.store;

import java.time.Instant;

/**
 * One labeler's verdict on one thread. A skip has no rating. The snapshots record what the labeler saw.
 *
 * @param rating 1 bearish, 2 neutral, 3 bullish; null when skipped
 */
public record Label(long threadId, Integer rating, boolean skipped, String labelerId, Instant labeledAt,
                    String notes, String textSnapshot, String imageUrlSnapshot) {

    public Label {
        if (skipped && rating != null) throw new IllegalArgumentException("a skip has no rating");
        if (!skipped && (rating == null || rating < 1 || rating > 3))
            throw new IllegalArgumentException("rating must be 1, 2 or 3");
        if (labelerId == null || labelerId.isBlank()) throw new IllegalArgumentException("labeler id is required");
    }

    public static Label rated(long threadId, int rating, String labelerId, Instant at, String text, String imageUrl) {
        return new Label(threadId, rating, false, labelerId, at, null, text, imageUrl);
    }

    public static Label skip(long threadId, String labelerId, Instant at) {
        return new Label(threadId, null, true, labelerId, at, null, null, null);
    }
}
