package com.bizcharts.sentiment.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes tiny model directories in the formats the runners read, so tests need no download:
 * a text classifier (Gather embedding, attention-masked mean, MatMul, Add -> logits) with a WordLevel
 * tokenizer.json, and an image encoder (per-channel spatial mean, MatMul -> embeddings) with a linear head.
 */
final class TinyOnnxModels {

    static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "moon", "wagmi", "rekt", "ngmi", "the", "is");
    static final int DIM = 3;

    private TinyOnnxModels() {}

    /** Embedding row of token id t: deterministic small numbers a hand computation can repeat. */
    static float[] embedding(int t) {
        return new float[]{t * 0.1f, (t % 3) - 1f, t == 2 || t == 3 ? 1f : t == 4 || t == 5 ? -1f : 0f};
    }

    /** W [DIM x 2], bias [2]: logit 1 ("bullish") follows the third embedding column. */
    static final float[][] W = {{0.5f, -0.5f}, {0.2f, 0.1f}, {-2f, 2f}};
    static final float[] B = {0.1f, -0.1f};

    static void writeTextModel(Path dir) throws IOException {
        Files.createDirectories(dir);
        float[] emb = new float[VOCAB.size() * DIM];
        for (int t = 0; t < VOCAB.size(); t++) System.arraycopy(embedding(t), 0, emb, t * DIM, DIM);
        float[] w = new float[DIM * 2];
        for (int i = 0; i < DIM; i++) System.arraycopy(W[i], 0, w, i * 2, 2);
        GraphProto graph = GraphProto.newBuilder().setName("tiny-text")
                .addInput(tensor("input_ids", TensorProto.DataType.INT64_VALUE, "batch", "seq"))
                .addInput(tensor("attention_mask", TensorProto.DataType.INT64_VALUE, "batch", "seq"))
                .addOutput(tensor("logits", TensorProto.DataType.FLOAT_VALUE, "batch", 2))
                .addInitializer(floats("E", emb, VOCAB.size(), DIM))
                .addInitializer(floats("W", w, DIM, 2))
                .addInitializer(floats("B", B, 2))
                .addInitializer(longs("axis_last", new long[]{-1}, 1))
                .addInitializer(longs("axis_seq", new long[]{1}, 1))
                .addNode(node("Gather", List.of("E", "input_ids"), "emb"))
                .addNode(NodeProto.newBuilder().setOpType("Cast").addInput("attention_mask").addOutput("maskf")
                        .addAttribute(AttributeProto.newBuilder().setName("to").setType(AttributeProto.AttributeType.INT)
                                .setI(TensorProto.DataType.FLOAT_VALUE)))
                .addNode(node("Unsqueeze", List.of("maskf", "axis_last"), "mask3"))
                .addNode(node("Mul", List.of("emb", "mask3"), "masked"))
                .addNode(reduceSum("masked", "summed", 0))
                .addNode(reduceSum("mask3", "count", 0))
                .addNode(node("Div", List.of("summed", "count"), "pooled"))
                .addNode(node("MatMul", List.of("pooled", "W"), "mm"))
                .addNode(node("Add", List.of("mm", "B"), "logits"))
                .build();
        write(dir.resolve("model.onnx"), graph);
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson());
        Files.writeString(dir.resolve("labels.json"), "{\"labels\": [\"bearish\", \"bullish\"], \"max_length\": 16}");
    }

    /**
     * A sentence encoder's graph: token states = the embedding rows of the ids, [batch, seq, DIM]; pooling is the
     * runner's job. attention_mask is taken (as exported encoders take it) but not used by the graph.
     */
    static byte[] encoderModel() {
        float[] emb = new float[VOCAB.size() * DIM];
        for (int t = 0; t < VOCAB.size(); t++) System.arraycopy(embedding(t), 0, emb, t * DIM, DIM);
        GraphProto graph = GraphProto.newBuilder().setName("tiny-encoder")
                .addInput(tensor("input_ids", TensorProto.DataType.INT64_VALUE, "batch", "seq"))
                .addInput(tensor("attention_mask", TensorProto.DataType.INT64_VALUE, "batch", "seq"))
                .addOutput(tensor("last_hidden_state", TensorProto.DataType.FLOAT_VALUE, "batch", "seq", DIM))
                .addInitializer(floats("E", emb, VOCAB.size(), DIM))
                .addNode(node("Gather", List.of("E", "input_ids"), "last_hidden_state"))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("bizcharts-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build()
                .toByteArray();
    }

    /** Projection [3 x 2]: embedding = channel means times P. */
    static final float[][] P = {{1f, 0f}, {0f, 1f}, {0.5f, -0.5f}};

    static void writeImageModel(Path dir, int crop) throws IOException {
        Files.createDirectories(dir);
        float[] p = new float[6];
        for (int i = 0; i < 3; i++) System.arraycopy(P[i], 0, p, i * 2, 2);
        GraphProto graph = GraphProto.newBuilder().setName("tiny-clip")
                .addInput(tensor("pixel_values", TensorProto.DataType.FLOAT_VALUE, "batch", 3, crop, crop))
                .addOutput(tensor("image_embeds", TensorProto.DataType.FLOAT_VALUE, "batch", 2))
                .addInitializer(floats("P", p, 3, 2))
                .addNode(NodeProto.newBuilder().setOpType("ReduceMean").addInput("pixel_values").addOutput("means")
                        .addAttribute(AttributeProto.newBuilder().setName("axes").setType(AttributeProto.AttributeType.INTS)
                                .addInts(2).addInts(3))
                        .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT)
                                .setI(0)))
                .addNode(node("MatMul", List.of("means", "P"), "image_embeds"))
                .build();
        write(dir.resolve("image_encoder.onnx"), graph);
        Files.writeString(dir.resolve("preprocessor_config.json"), "{\"size\": {\"shortest_edge\": " + (crop + 4)
                + "}, \"crop_size\": {\"height\": " + crop + ", \"width\": " + crop
                + "}, \"image_mean\": [0.5, 0.5, 0.5], \"image_std\": [0.25, 0.5, 1.0]}");
        Files.writeString(dir.resolve("head.json"), "{\"labels\": [\"bearish\", \"bullish\"], "
                + "\"weights\": [[2.0, -1.0], [-2.0, 1.0]], \"bias\": [0.0, 0.25], \"normalize\": true}");
    }

    static String tokenizerJson() {
        String vocab = java.util.stream.IntStream.range(0, VOCAB.size())
                .mapToObj(i -> "\"" + VOCAB.get(i) + "\": " + i).collect(Collectors.joining(", "));
        String added = java.util.stream.IntStream.range(0, 2).mapToObj(i -> "{\"id\": " + i + ", \"content\": \""
                + VOCAB.get(i) + "\", \"single_word\": false, \"lstrip\": false, \"rstrip\": false, "
                + "\"normalized\": false, \"special\": true}").collect(Collectors.joining(", "));
        return "{\"version\": \"1.0\", \"truncation\": null, \"padding\": null, \"added_tokens\": [" + added + "], "
                + "\"normalizer\": {\"type\": \"Lowercase\"}, \"pre_tokenizer\": {\"type\": \"Whitespace\"}, "
                + "\"post_processor\": null, \"decoder\": null, "
                + "\"model\": {\"type\": \"WordLevel\", \"vocab\": {" + vocab + "}, \"unk_token\": \"[UNK]\"}}";
    }

    static void write(Path file, GraphProto graph) throws IOException {
        ModelProto model = ModelProto.newBuilder().setIrVersion(8).setProducerName("bizcharts-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build();
        Files.write(file, model.toByteArray());
    }

    static NodeProto node(String op, List<String> in, String out) {
        return NodeProto.newBuilder().setOpType(op).addAllInput(in).addOutput(out).setName(out).build();
    }

    /** ReduceSum over the sequence axis, keeping nothing; opset 13 takes the axes as an input tensor. */
    static NodeProto reduceSum(String in, String out, int keepdims) {
        return NodeProto.newBuilder().setOpType("ReduceSum").addInput(in).addInput("axis_seq").addOutput(out).setName(out)
                .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT)
                        .setI(keepdims)).build();
    }

    static ValueInfoProto tensor(String name, int type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            shape.addDim(d instanceof Integer i ? TensorShapeProto.Dimension.newBuilder().setDimValue(i)
                    : TensorShapeProto.Dimension.newBuilder().setDimParam((String) d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }

    static TensorProto floats(String name, float[] data, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) t.addDims(d);
        for (float f : data) t.addFloatData(f);
        return t.build();
    }

    static TensorProto longs(String name, long[] data, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE);
        for (long d : dims) t.addDims(d);
        for (long v : data) t.addInt64Data(v);
        return t.build();
    }

    static Map<String, Integer> vocabIndex() {
        return java.util.stream.IntStream.range(0, VOCAB.size()).boxed()
                .collect(Collectors.toMap(VOCAB::get, i -> i));
    }
}
