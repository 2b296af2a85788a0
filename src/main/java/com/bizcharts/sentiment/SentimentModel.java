package com.bizcharts.sentiment;

import java.util.List;

/** Anything that turns posts into predictions: the embedded model, an ONNX model, a fused ensemble. */
public interface SentimentModel extends AutoCloseable {

    /** Stable id under which predictions are stored (the model directory's id). */
    String id();

    Prediction predict(PostInput post);

    /** Batched prediction; implementations that can batch (ONNX) override this. */
    default List<Prediction> predictAll(List<PostInput> posts) {
        return posts.stream().map(this::predict).toList();
    }

    @Override
    default void close() {}
}
