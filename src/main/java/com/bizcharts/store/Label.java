package com.bizcharts.store;

import java.time.Instant;

/**
 * One labeler's verdict on one thread. A skip has no rating. The snapshots record what the labeler saw.
 *
 * @param rating      1 bearish, 2 neutral, 3 bullish; null when skipped
 * @param leadTimeMs  how long the post was on screen before the decision; null when not measured (files, old labels)
 * @param adjudicated a reviewer's decision where labelers disagreed (labeler {@code review:<reviewer>}); training
 *                    takes it over the originals, which stay
 */
public record Label(long threadId, Integer rating, boolean skipped, String labelerId, Instant labeledAt,
                    String notes, String textSnapshot, String imageUrlSnapshot, Long leadTimeMs, boolean adjudicated) {

    /** The labeler id an adjudication is kept under, beside the reviewer's own label if they gave one. */
    public static String reviewerId(String labelerId) {
        return "review:" + labelerId;
    }

    /** A label without a measured lead time, not an adjudication. */
    public Label(long threadId, Integer rating, boolean skipped, String labelerId, Instant labeledAt,
                 String notes, String textSnapshot, String imageUrlSnapshot) {
        this(threadId, rating, skipped, labelerId, labeledAt, notes, textSnapshot, imageUrlSnapshot, null, false);
    }

    public Label {
        if (skipped && rating != null) throw new IllegalArgumentException("a skip has no rating");
        if (!skipped && (rating == null || rating < 1 || rating > 3))
            throw new IllegalArgumentException("rating must be 1, 2 or 3");
        if (labelerId == null || labelerId.isBlank()) throw new IllegalArgumentException("labeler id is required");
        if (leadTimeMs != null && leadTimeMs < 0) throw new IllegalArgumentException("lead time cannot be negative");
    }

    /** The same label with how long its post was on screen (null: not measured). */
    public Label withLeadTime(Long ms) {
        return new Label(threadId, rating, skipped, labelerId, labeledAt, notes, textSnapshot, imageUrlSnapshot, ms, adjudicated);
    }

    /** The same verdict as a reviewer's adjudication. */
    public Label asAdjudication() {
        return new Label(threadId, rating, skipped, reviewerId(labelerId), labeledAt, notes, textSnapshot, imageUrlSnapshot, leadTimeMs, true);
    }

    public static Label rated(long threadId, int rating, String labelerId, Instant at, String text, String imageUrl) {
        return new Label(threadId, rating, false, labelerId, at, null, text, imageUrl);
    }

    public static Label skip(long threadId, String labelerId, Instant at) {
        return new Label(threadId, null, true, labelerId, at, null, null, null);
    }
}
