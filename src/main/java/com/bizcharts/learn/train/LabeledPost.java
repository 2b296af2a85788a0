package com.bizcharts.learn.train;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.labels.SentimentLabel;

import java.nio.file.Path;

/** A post with a person's verdict: one training or evaluation example. */
public record LabeledPost(PostInput post, SentimentLabel label) {

    /**
     * A stored rating as a model learns from it: the post read as {@link PostInput#of} does, or, when the store no
     * longer holds it, the text the labeler saw (no subject, image, replies or time: only the snapshot survives).
     */
    public static LabeledPost of(LabelRepository.LabeledThread rated, Path imagesDir) {
        Label label = rated.label();
        String seen = label.textSnapshot() == null ? "" : label.textSnapshot();
        PostInput post = rated.thread() != null ? PostInput.of(rated.thread(), imagesDir)
                : new PostInput(label.threadId(), "", seen, null, 0, null);
        return new LabeledPost(post, SentimentLabel.ofRating(label.rating()));
    }
}
