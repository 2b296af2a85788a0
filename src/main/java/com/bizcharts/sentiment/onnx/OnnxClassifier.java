package com.bizcharts.sentiment.onnx;

import java.util.List;

/** An ONNX classifier over inputs of type {@code I} (texts, thumbnails): its labels and batched probabilities. */
public interface OnnxClassifier<I> extends AutoCloseable {

    List<String> labels();

    /** Class probabilities per input, in {@link #labels()} order. */
    List<double[]> probabilities(List<I> inputs);

    @Override
    void close();
}
