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
 * @param nsfw       the thumbnail's NSFW probability when it is flagged (shown blurred until V), else null
 */
public record PostCard(ThreadOp post, List<String> coins, Path image, Prediction prediction, Integer existingRating, Double nsfw) {

    public PostCard(ThreadOp post, List<String> coins, Path image, Prediction prediction, Integer existingRating) {
        this(post, coins, image, prediction, existingRating, null);
    }

    public long threadId() {
        return post.threadId();
    }
}
