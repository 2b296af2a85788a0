package com.bizcharts.store.labels;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of a labels file, in the shared format of {@code biz-labels/train.jsonl}: the post as the labeler saw
 * it and the rating. Field order is fixed so exported files diff cleanly against imported ones.
 *
 * @param postedAt     archive time "yyyy-MM-dd HH:mm:ss", UTC (the archive's own clock: thread numbers and image
 *                     timestamps agree with it read as UTC)
 * @param leadTimeSeconds how long the post was on screen before the decision (labels given in the window; absent
 *                     otherwise, so a file imported and exported again comes out as it went in)
 * @param adjudicated  true on a reviewer's decision, exported beside the labels it decided between
 * @param labeler      who gave an adjudication (absent on other rows, as in the shared format)
 */
@JsonPropertyOrder({"thread_id", "board", "subject", "text", "posted_at", "image_url", "rating", "label", "lead_time_s",
        "adjudicated", "labeler"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LabelFileRow(
        @JsonProperty("thread_id") long threadId,
        @JsonProperty("board") String board,
        @JsonProperty("subject") String subject,
        @JsonProperty("text") String text,
        @JsonProperty("posted_at") String postedAt,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("rating") int rating,
        @JsonProperty("label") String label,
        @JsonProperty("lead_time_s") @JsonInclude(JsonInclude.Include.NON_NULL) Double leadTimeSeconds,
        @JsonProperty("adjudicated") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean adjudicated,
        @JsonProperty("labeler") @JsonInclude(JsonInclude.Include.NON_NULL) String labeler) {

    /** A row of the shared format: no lead time, not an adjudication. */
    public LabelFileRow(long threadId, String board, String subject, String text, String postedAt, String imageUrl, int rating,
                        String label) {
        this(threadId, board, subject, text, postedAt, imageUrl, rating, label, null, null, null);
    }
}
