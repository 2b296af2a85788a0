package com.bizcharts.sentiment.fusion;

import java.util.List;

/**
 * A further signal for the fusion besides the model's own text and image readings: repost neighbours, OCR text,
 * ONNX models. Reads a whole batch at once so a transformer can run batched. A source with nothing to say about a
 * post (no thumbnail, no text in the image, no labeled neighbour) leaves it out rather than guessing, and a bad
 * image never makes it throw.
 */
public interface SignalSource extends AutoCloseable {

    /** The signal its readings carry. */
    Signal signal();

    /** One entry per input, in order: the reading, or null where this signal is absent for that post. */
    List<SignalReading> read(List<SignalInput> batch);

    /**
     * What the source adds to the id predictions are stored under, e.g. {@code +onnx-text-1a2b3c4d5e6f}: a model
     * (fixed weights) changes every verdict, so its predictions must be kept apart; data such as labeled neighbours or
     * OCR text adds nothing (like the thumbnail itself, it is part of the post's evidence, not of the model).
     */
    default String idPart() {
        return "";
    }

    @Override
    default void close() {}
}
