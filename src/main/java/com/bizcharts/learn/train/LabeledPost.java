package com.bizcharts.learn.train;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;

/** A post with a person's verdict: one training or evaluation example. */
public record LabeledPost(PostInput post, SentimentLabel label) {}
