package com.bizcharts.index;

import java.time.Instant;
import java.util.List;

/**
 * One post behind a bucket of the index, as its explanation lists it ("the posts behind this spike").
 *
 * @param contribution weight x score: how far it pulled the bucket towards greed (> 0) or fear (< 0)
 * @param human        true when a human label (given before the bucket ended) counted instead of the model
 * @param verdict      "bullish 81%" for the model's call, "labeled bullish" for a human's
 * @param drivers      the signals behind the model's call, strongest first (empty for a human label)
 */
public record BucketPost(long threadId, Instant postedAt, double contribution, double weight, double score, boolean human,
                         String verdict, String text, List<String> drivers) {}
