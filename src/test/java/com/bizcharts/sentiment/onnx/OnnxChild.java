package com.bizcharts.sentiment.onnx;

import java.nio.file.Path;
import java.util.List;

/** A process that runs one tiny ONNX model and exits: what any command using an ONNX signal does to the temp folder. */
public final class OnnxChild {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        TinyOnnxModels.writeTextModel(dir);
        try (OnnxTextClassifier model = new OnnxTextClassifier(dir)) {
            System.out.println("bullish logit " + model.logits(List.of("wagmi"))[0][1]);
        }
    }
}
