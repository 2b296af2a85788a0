package com.bizcharts.sentiment.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CLIP's zero-shot classifier written as the linear head {@link OnnxImageClassifier} reads: for each label, the mean
 * of the unit text embeddings of its prompts (from the CLIP text tower: input_ids, attention_mask if it takes one;
 * output text_embeds [1, dim]), made unit length again and multiplied by the logit scale; no bias; the image
 * embedding normalised. A label's logit is then scale times the cosine between the image and its prompts, as CLIP
 * scores a caption. Prompts run one at a time, so no padding ever reaches the tower.
 */
public final class ClipZeroShotHead {

    /** CLIP's context length. */
    private static final int MAX_TOKENS = 77;

    private ClipZeroShotHead() {}

    /**
     * Writes {@code head.json} into {@code dir}.
     *
     * @param prompts per label, in the head's label order (bearish, neutral, bullish or a subset with both ends)
     * @return the head's weights, one row per label
     */
    public static double[][] write(Path dir, Path textModel, Path tokenizerFile, Map<String, List<String>> prompts,
                                   double scale) {
        double[][] weights = weights(textModel, tokenizerFile, prompts, scale);
        ObjectNode head = new ObjectMapper().createObjectNode();
        ArrayNode labels = head.putArray("labels");
        prompts.keySet().forEach(labels::add);
        ArrayNode w = head.putArray("weights");
        ArrayNode bias = head.putArray("bias");
        for (double[] row : weights) {
            ArrayNode r = w.addArray();
            for (double v : row) r.add(v);
            bias.add(0.0);
        }
        head.put("normalize", true);
        head.put("made_by", "zero-shot from " + textModel.getFileName() + ", scale " + scale + ", prompts " + prompts);
        try {
            Files.writeString(dir.resolve("head.json"), head.toPrettyString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dir.resolve("head.json") + ": " + e.getMessage(), e);
        }
        return weights;
    }

    static double[][] weights(Path textModel, Path tokenizerFile, Map<String, List<String>> prompts, double scale) {
        System.setProperty("ai.djl.offline", "true");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile,
                Map.of("truncation", "true", "maxLength", Integer.toString(MAX_TOKENS), "padding", "false"));
             OrtSession session = env.createSession(textModel.toString(), new OrtSession.SessionOptions())) {
            List<double[]> rows = new ArrayList<>();
            for (var label : prompts.entrySet()) {
                double[] sum = null;
                for (String prompt : label.getValue()) {
                    double[] e = unit(embed(env, session, tokenizer.encode(prompt), textModel));
                    if (sum == null) sum = new double[e.length];
                    if (e.length != sum.length) throw new IllegalStateException(textModel + " gave embeddings of two sizes");
                    for (int i = 0; i < e.length; i++) sum[i] += e[i];
                }
                double[] row = unit(sum);
                for (int i = 0; i < row.length; i++) row[i] *= scale;
                rows.add(row);
            }
            return rows.toArray(double[][]::new);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot load the tokenizer " + tokenizerFile + ": " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot run the text tower " + textModel + ": " + e.getMessage(), e);
        }
    }

    private static double[] embed(OrtEnvironment env, OrtSession session, Encoding encoding, Path textModel) throws OrtException {
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            if (session.getInputNames().contains("attention_mask")) {
                long[] mask = new long[ids.length];
                java.util.Arrays.fill(mask, 1L);
                inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            }
            if (!session.getInputNames().containsAll(inputs.keySet()) || session.getInputNames().size() > inputs.size()) {
                throw new IllegalArgumentException(textModel + " takes " + session.getInputNames()
                        + "; a CLIP text tower takes input_ids (and attention_mask)");
            }
            try (OrtSession.Result result = session.run(inputs)) {
                Object value = result.get("text_embeds").orElse(result.get(0)).getValue();
                if (!(value instanceof float[][] rows) || rows.length != 1) {
                    throw new IllegalArgumentException(textModel + " does not give text_embeds [1, dim]: is it a CLIP text tower with its projection?");
                }
                double[] out = new double[rows[0].length];
                for (int i = 0; i < out.length; i++) out[i] = rows[0][i];
                return out;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static double[] unit(double[] v) {
        double n = 0;
        for (double x : v) n += x * x;
        n = Math.sqrt(n);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = n > 0 ? v[i] / n : 0;
        return out;
    }
}
