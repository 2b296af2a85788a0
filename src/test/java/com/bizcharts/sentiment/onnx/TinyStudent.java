package com.bizcharts.sentiment.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes a tiny student in the format runpod/export_student.py produces (onnx-student-v1): the masked mean of
 * word embeddings (one column per class: "wagmi"/"moon" bullish, "rekt"/"ngmi" bearish) and the image's channel
 * means, concatenated, times W, plus B. {@code inverted} swaps bearish and bullish: a student that is confidently
 * wrong, for the promotion gate to reject.
 */
public final class TinyStudent {

    public static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "wagmi", "moon", "rekt", "ngmi", "coin");
    public static final int MAX_LENGTH = 32;
    public static final int SIZE = 8;
    public static final double[] MEAN = {0.481, 0.458, 0.408};
    public static final double[] STD = {0.269, 0.261, 0.276};

    private TinyStudent() {}

    /** Class column of each vocabulary word's embedding (-1: all zero). */
    static int classOf(String word) {
        return switch (word) {
            case "wagmi", "moon" -> 2;
            case "rekt", "ngmi" -> 0;
            default -> -1;
        };
    }

    /** W [6 x 3]: rows 0-2 the text mean, rows 3-5 the image's R, G, B means. */
    static float[][] weights(boolean inverted) {
        float t = 30f;
        return new float[][]{
                inverted ? new float[]{0, 0, t} : new float[]{t, 0, 0},
                {0, t, 0},
                inverted ? new float[]{t, 0, 0} : new float[]{0, 0, t},
                {0.2f, 0, -0.2f}, {0, 0, 0.1f}, {0, 0, 0}};
    }

    static final float[] BIAS = {0f, 0.5f, 0f};

    public static Path write(Path dir, String id, String textPrefix, boolean inverted) throws IOException {
        Files.createDirectories(dir);
        int v = VOCAB.size();
        float[] emb = new float[v * 3];
        for (int i = 0; i < v; i++) if (classOf(VOCAB.get(i)) >= 0) emb[i * 3 + classOf(VOCAB.get(i))] = 1f;
        float[][] w = weights(inverted);
        float[] flat = new float[18];
        for (int i = 0; i < 6; i++) System.arraycopy(w[i], 0, flat, i * 3, 3);
        GraphProto graph = GraphProto.newBuilder().setName("tiny-student")
                .addInput(TinyOnnxModels.tensor("input_ids", TensorProto.DataType.INT64_VALUE, "batch", MAX_LENGTH))
                .addInput(TinyOnnxModels.tensor("attention_mask", TensorProto.DataType.INT64_VALUE, "batch", MAX_LENGTH))
                .addInput(TinyOnnxModels.tensor("pixel_values", TensorProto.DataType.FLOAT_VALUE, "batch", 3, SIZE, SIZE))
                .addOutput(TinyOnnxModels.tensor("logits", TensorProto.DataType.FLOAT_VALUE, "batch", 3))
                .addInitializer(TinyOnnxModels.floats("E", emb, v, 3))
                .addInitializer(TinyOnnxModels.floats("W", flat, 6, 3))
                .addInitializer(TinyOnnxModels.floats("B", BIAS, 3))
                .addInitializer(TinyOnnxModels.longs("axis_last", new long[]{-1}, 1))
                .addInitializer(TinyOnnxModels.longs("axis_seq", new long[]{1}, 1))
                .addNode(TinyOnnxModels.node("Gather", List.of("E", "input_ids"), "emb"))
                .addNode(NodeProto.newBuilder().setOpType("Cast").addInput("attention_mask").addOutput("maskf")
                        .addAttribute(AttributeProto.newBuilder().setName("to").setType(AttributeProto.AttributeType.INT)
                                .setI(TensorProto.DataType.FLOAT_VALUE)))
                .addNode(TinyOnnxModels.node("Unsqueeze", List.of("maskf", "axis_last"), "mask3"))
                .addNode(TinyOnnxModels.node("Mul", List.of("emb", "mask3"), "masked"))
                .addNode(TinyOnnxModels.reduceSum("masked", "summed", 0))
                .addNode(TinyOnnxModels.reduceSum("mask3", "count", 0))
                .addNode(TinyOnnxModels.node("Div", List.of("summed", "count"), "text"))
                .addNode(NodeProto.newBuilder().setOpType("ReduceMean").addInput("pixel_values").addOutput("image")
                        .addAttribute(AttributeProto.newBuilder().setName("axes").setType(AttributeProto.AttributeType.INTS)
                                .addInts(2).addInts(3))
                        .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT)
                                .setI(0)))
                .addNode(NodeProto.newBuilder().setOpType("Concat").addInput("text").addInput("image").addOutput("both")
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)))
                .addNode(TinyOnnxModels.node("MatMul", List.of("both", "W"), "mm"))
                .addNode(TinyOnnxModels.node("Add", List.of("mm", "B"), "logits"))
                .build();
        TinyOnnxModels.write(dir.resolve("model.onnx"), graph);
        String vocab = IntStream.range(0, v).mapToObj(i -> "\"" + VOCAB.get(i) + "\": " + i).collect(Collectors.joining(", "));
        // As runpod/studentlib.py's tokenizer_json writes it.
        Files.writeString(dir.resolve("tokenizer.json"), "{\"version\": \"1.0\", \"truncation\": {\"direction\": \"Right\", "
                + "\"max_length\": " + MAX_LENGTH + ", \"strategy\": \"LongestFirst\", \"stride\": 0}, \"padding\": null, "
                + "\"added_tokens\": [], \"normalizer\": {\"type\": \"Lowercase\"}, \"pre_tokenizer\": {\"type\": \"Split\", "
                + "\"pattern\": {\"Regex\": \"[a-z0-9$#@']+|[^\\\\sa-z0-9]\"}, \"behavior\": \"Removed\", \"invert\": true}, "
                + "\"post_processor\": null, \"decoder\": null, \"model\": {\"type\": \"WordLevel\", \"vocab\": {" + vocab
                + "}, \"unk_token\": \"[UNK]\"}}");
        Files.writeString(dir.resolve("metadata.json"), "{\"id\": \"" + id + "\", \"kind\": \"student\", "
                + "\"format\": \"onnx-student-v1\", \"labels\": [\"bearish\", \"neutral\", \"bullish\"], "
                + "\"inputs\": {\"input_ids\": [\"batch\", " + MAX_LENGTH + "], \"attention_mask\": [\"batch\", " + MAX_LENGTH
                + "], \"pixel_values\": [\"batch\", 3, " + SIZE + ", " + SIZE + "]}, \"outputs\": {\"logits\": [\"batch\", 3]}, "
                + "\"image\": {\"size\": " + SIZE + ", \"mean\": [0.481, 0.458, 0.408], \"std\": [0.269, 0.261, 0.276]}, "
                + "\"text_prefix\": " + quote(textPrefix) + ", \"teacher\": {\"base\": \"tiny-random\"}, "
                + "\"metrics\": {\"macro_f1\": 0.55, \"accuracy\": 0.6}, \"created_at\": \"2026-01-01T00:00:00Z\"}");
        return dir;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
