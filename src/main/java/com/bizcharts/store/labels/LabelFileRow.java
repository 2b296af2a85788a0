package com.bizcharts.store.labels;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of a labels file, in the shared format of {@code biz-labels/train.jsonl}: the post as the labeler saw
 * it and the rating. Field order is fixed so exported files diff cleanly against imported ones.
 *
 * @param postedAt archive time "yyyy-MM-dd HH:mm:ss", UTC (the archive's own clock: thread numbers and image
 *                 timestamps agree with it read as UTC)
 */
@JsonPropertyOrder({"thread_id", "board", "subject", "text", "posted_at", "image_url", "rating", "label"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LabelFileRow(
        @JsonProperty("thread_id") long threadId,
        @JsonProperty("board") String board,
        @JsonProperty("subject") String subject,
        @JsonProperty("text") String text,
        @JsonProperty("posted_at") String postedAt,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("rating") int rating,
        @JsonProperty("label") String label) {}
