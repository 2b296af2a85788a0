package com.bizcharts.sentiment.ocr.paddle;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import java.util.List;

/**
 * A PaddleOCR pipeline in three tiny hand-weighted ONNX graphs with the real models' inputs and outputs, so the whole
 * pipeline runs in a test without the shipped models:
 * <ul>
 * <li>detector: the brightest normalised channel through a sigmoid (black background ~0.14, a saturated colour ~0.93);
 * <li>recogniser: the column maximum of each channel over 8-pixel steps, then a linear layer: red reads "A", green "B",
 *     blue "C", black, grey and white are blank;
 * <li>angle classifier: a constant verdict, upright or upside down.
 * </ul>
 */
final class TinyPaddleModels {

    /** Characters of the tiny recogniser: classes blank, A, B, C, space. */
    static final List<String> CHARACTERS = List.of("A", "B", "C");

    private TinyPaddleModels() {}

    static PaddleModels models(boolean upsideDown) {
        return new PaddleModels(detector(), recogniser(), classifier(upsideDown), CharacterList.of(CHARACTERS), "tiny");
    }

    static byte[] detector() {
        GraphProto g = GraphProto.newBuilder().setName("tiny-db")
                .addInput(tensor("x", "n", 3, "h", "w"))
                .addOutput(tensor("maps", "n", 1, "h", "w"))
                .addNode(NodeProto.newBuilder().setOpType("ReduceMax").addInput("x").addOutput("brightest").setName("max")
                        .addAttribute(ints("axes", 1)).addAttribute(AttributeProto.newBuilder().setName("keepdims")
                                .setType(AttributeProto.AttributeType.INT).setI(1)))
                .addNode(node("Sigmoid", List.of("brightest"), "maps"))
                .build();
        return model(g);
    }

    static byte[] recogniser() {
        // features per step: the channels' maxima in BGR order, each in [-1, 1]; columns blank, A, B, C, space
        float[] w = {
                0, -2, -2, 4, 0,   // blue
                0, -2, 4, -2, 0,   // green
                0, 4, -2, -2, 0};  // red
        float[] b = {0, -2, -2, -2, -10};
        GraphProto g = GraphProto.newBuilder().setName("tiny-ctc")
                .addInput(tensor("x", "n", 3, 48, "w"))
                .addOutput(tensor("probs", "n", "t", 5))
                .addInitializer(floats("W", w, 3, 5))
                .addInitializer(floats("B", b, 5))
                .addInitializer(longs("squeeze_axes", new long[]{2}, 1))
                .addNode(NodeProto.newBuilder().setOpType("MaxPool").addInput("x").addOutput("pooled").setName("pool")
                        .addAttribute(ints("kernel_shape", 48, 8)).addAttribute(ints("strides", 48, 8)))
                .addNode(node("Squeeze", List.of("pooled", "squeeze_axes"), "columns"))
                .addNode(NodeProto.newBuilder().setOpType("Transpose").addInput("columns").addOutput("steps").setName("t")
                        .addAttribute(ints("perm", 0, 2, 1)))
                .addNode(node("MatMul", List.of("steps", "W"), "mm"))
                .addNode(node("Add", List.of("mm", "B"), "logits"))
                .addNode(node("Softmax", List.of("logits"), "probs"))
                .build();
        return model(g);
    }

    static byte[] classifier(boolean upsideDown) {
        float[] b = upsideDown ? new float[]{0, 5} : new float[]{5, 0};
        GraphProto g = GraphProto.newBuilder().setName("tiny-cls")
                .addInput(tensor("x", "n", 3, 48, 192))
                .addOutput(tensor("angles", "n", 2))
                .addInitializer(floats("W", new float[6], 3, 2))
                .addInitializer(floats("B", b, 2))
                .addNode(node("GlobalAveragePool", List.of("x"), "avg"))
                .addNode(NodeProto.newBuilder().setOpType("Flatten").addInput("avg").addOutput("flat").setName("flat")
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)))
                .addNode(node("MatMul", List.of("flat", "W"), "mm"))
                .addNode(node("Add", List.of("mm", "B"), "logits"))
                .addNode(node("Softmax", List.of("logits"), "angles"))
                .build();
        return model(g);
    }

    private static byte[] model(GraphProto graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("bizcharts-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build()
                .toByteArray();
    }

    private static NodeProto node(String op, List<String> in, String out) {
        return NodeProto.newBuilder().setOpType(op).addAllInput(in).addOutput(out).setName(out).build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) a.addInts(v);
        return a.build();
    }

    private static ValueInfoProto tensor(String name, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            shape.addDim(d instanceof Integer i ? TensorShapeProto.Dimension.newBuilder().setDimValue(i)
                    : TensorShapeProto.Dimension.newBuilder().setDimParam((String) d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static TensorProto floats(String name, float[] data, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) t.addDims(d);
        for (float f : data) t.addFloatData(f);
        return t.build();
    }

    private static TensorProto longs(String name, long[] data, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE);
        for (long d : dims) t.addDims(d);
        for (long v : data) t.addInt64Data(v);
        return t.build();
    }
}
