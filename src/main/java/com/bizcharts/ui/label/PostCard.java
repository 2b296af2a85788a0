package com.bizcharts.ui.label;

import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.ThreadOp;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the label view shows of one post, loaded off the FX thread in one go.
 *
 * @param image      the thumbnail file, or null when there is none on disk
 * @param prediction the active model's verdict, or null when no model could score it
 */
public record PostCard(ThreadOp post, List<String> coins, Path image, Prediction prediction, Integer existingRating) {

    public long threadId() {
        return post.threadId();
    }
}
