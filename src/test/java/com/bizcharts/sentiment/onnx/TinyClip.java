package com.bizcharts.sentiment.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny CLIP in the layout of a Hub repository such as Xenova/clip-vit-base-patch32: onnx/vision_model.onnx (the
 * {@link TinyOnnxModels} image encoder: channel means times P, image_embeds [batch, 2]), onnx/text_model.onnx
 * (input_ids only, like Xenova's: the mean of 2-d token rows {@link #TEXT}, text_embeds [batch, 2]), tokenizer.json
 * (the WordLevel one) and preprocessor_config.json. Small enough for a loopback server, real enough for the runners.
 */
public final class TinyClip {

    public static final int CROP = 4;

    /** Text embedding row of each token of {@link TinyOnnxModels#VOCAB}: moon/wagmi point one way, rekt/ngmi the other. */
    static final float[][] TEXT = {{0, 0}, {0.1f, 0.1f}, {1f, 0.2f}, {0.8f, 0.4f}, {-1f, 0.3f}, {-0.6f, -0.2f}, {0.05f, 0.5f}, {0f, 0.3f}};

    private TinyClip() {}

    /** The repository's files, path to bytes, in a stable order. */
    public static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Path tmp = Files.createTempDirectory("tiny-clip");
        try {
            TinyOnnxModels.writeImageModel(tmp, CROP);
            out.put("onnx/vision_model.onnx", Files.readAllBytes(tmp.resolve("image_encoder.onnx")));
            out.put("onnx/text_model.onnx", textTower());
            out.put("tokenizer.json", TinyOnnxModels.tokenizerJson().getBytes(StandardCharsets.UTF_8));
            out.put("preprocessor_config.json", Files.readAllBytes(tmp.resolve("preprocessor_config.json")));
        } finally {
            try (var s = Files.list(tmp)) {
                for (Path p : s.toList()) Files.delete(p);
            }
            Files.delete(tmp);
        }
        return out;
    }

    static byte[] textTower() {
        float[] emb = new float[TEXT.length * 2];
        for (int t = 0; t < TEXT.length; t++) System.arraycopy(TEXT[t], 0, emb, t * 2, 2);
        GraphProto graph = GraphProto.newBuilder().setName("tiny-clip-text")
                .addInput(TinyOnnxModels.tensor("input_ids", TensorProto.DataType.INT64_VALUE, "batch", "seq"))
                .addOutput(TinyOnnxModels.tensor("text_embeds", TensorProto.DataType.FLOAT_VALUE, "batch", 2))
                .addInitializer(TinyOnnxModels.floats("T", emb, TEXT.length, 2))
                .addNode(TinyOnnxModels.node("Gather", List.of("T", "input_ids"), "rows"))
                .addNode(NodeProto.newBuilder().setOpType("ReduceMean").addInput("rows").addOutput("text_embeds")
                        .addAttribute(AttributeProto.newBuilder().setName("axes").setType(AttributeProto.AttributeType.INTS).addInts(1))
                        .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT).setI(0)))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("bizcharts-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build()
                .toByteArray();
    }

    /** The mean of the text rows of a prompt's words (what the tiny tower computes), for hand computations. */
    public static double[] textEmbedding(String prompt) {
        var index = TinyOnnxModels.vocabIndex();
        double[] sum = new double[2];
        String[] words = prompt.toLowerCase(java.util.Locale.ROOT).split("\\s+");
        for (String w : words) {
            float[] row = TEXT[index.getOrDefault(w, 1)];
            sum[0] += row[0];
            sum[1] += row[1];
        }
        return new double[]{sum[0] / words.length, sum[1] / words.length};
    }
}
