package com.bizcharts.sentiment.embedded;

import java.util.List;

/**
 * A pretrained sentence encoder: text in, a fixed-length unit vector out. The embedded model appends it to its
 * n-gram features, because 925 labeled posts cannot teach that "rugged" and "scammed" mean the same thing and a
 * model trained on a billion sentence pairs already knows.
 */
public interface TextEncoder {

    /** The encoder {@code train} uses unless told {@code --encoder none}: all-MiniLM-L6-v2, int8 ONNX. */
    String DEFAULT = "all-minilm-l6-v2-q";

    /** Stable name recorded in a model, e.g. {@code all-minilm-l6-v2-q}. */
    String name();

    int dimension();

    /** One L2-normalised vector per text, in order; blank texts get a vector too. */
    double[][] encode(List<String> texts);

    /** Finds an encoder by the name a model recorded. */
    @FunctionalInterface
    interface Source {
        /** @throws IllegalArgumentException when no encoder of that name can be had here */
        TextEncoder find(String name);

        static Source none() {
            return name -> {
                throw new IllegalArgumentException("no sentence encoder '" + name + "' is available here");
            };
        }
    }
}
