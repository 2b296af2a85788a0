package com.bizcharts.sentiment.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face sequence classifier exported to ONNX (inputs input_ids and attention_mask, int64 [batch, seq];
 * output logits [batch, labels]). Directory: model.onnx, tokenizer.json, labels.json
 * ({"labels": [...], "max_length": 128}). Batches are padded to their longest text, so short posts stay cheap.
 * An OrtSession is thread-safe; close this to free the native memory.
 */
public final class OnnxTextClassifier implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final List<String> labels;
    private final int maxLength;
    private final long padId;
    private final boolean wantsTokenTypes;

    public OnnxTextClassifier(Path dir) {
        JsonNode meta = ModelDirectory.json(dir, "labels.json");
        this.labels = ModelDirectory.labels(meta, dir.resolve("labels.json"));
        this.maxLength = meta.path("max_length").asInt(128);
        this.padId = meta.path("pad_id").asLong(0);
        // DJL looks for cloud metadata unless told it is offline; a desktop app must never phone out.
        System.setProperty("ai.djl.offline", "true");
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(ModelDirectory.require(dir, "tokenizer.json"),
                    Map.of("truncation", "true", "maxLength", Integer.toString(maxLength), "padding", "false"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot load " + dir.resolve("tokenizer.json") + ": " + e.getMessage(), e);
        }
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
            this.session = env.createSession(ModelDirectory.require(dir, "model.onnx").toString(), options);
        } catch (OrtException e) {
            tokenizer.close();
            throw new IllegalArgumentException("cannot load " + dir.resolve("model.onnx") + ": " + e.getMessage(), e);
        }
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        if (!session.getInputNames().containsAll(List.of("input_ids", "attention_mask"))) {
            close();
            throw new IllegalArgumentException(dir + "/model.onnx must take input_ids and attention_mask, takes "
                    + session.getInputNames());
        }
    }

    public List<String> labels() {
        return labels;
    }

    /** Class probabilities per text, in {@link #labels()} order. */
    public List<double[]> probabilities(List<String> texts) {
        List<double[]> out = new ArrayList<>(texts.size());
        for (float[] row : logits(texts)) out.add(Softmax.of(row));
        return out;
    }

    /** Raw logits per text (for calibration or fusion that wants them). */
    public float[][] logits(List<String> texts) {
        if (texts.isEmpty()) return new float[0][];
        Encoding[] enc = tokenizer.batchEncode(texts);
        int seq = 1;
        for (Encoding e : enc) seq = Math.max(seq, Math.min(maxLength, e.getIds().length));
        int n = texts.size();
        long[] ids = new long[n * seq];
        long[] mask = new long[n * seq];
        java.util.Arrays.fill(ids, padId);
        for (int i = 0; i < n; i++) {
            long[] tok = enc[i].getIds();
            int len = Math.min(seq, tok.length);
            System.arraycopy(tok, 0, ids, i * seq, len);
            java.util.Arrays.fill(mask, i * seq, i * seq + len, 1L);
        }
        long[] shape = {n, seq};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * seq]), shape)) {
            Map<String, OnnxTensor> inputs = wantsTokenTypes
                    ? Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT)
                    : Map.of("input_ids", idT, "attention_mask", maskT);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] logits = (float[][]) result.get(0).getValue();
                if (logits[0].length != labels.size()) {
                    throw new IllegalStateException("model gives " + logits[0].length + " logits but labels.json names "
                            + labels.size() + " labels");
                }
                return logits;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("onnx inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing twice or after a failed load: nothing left to free.
        }
        tokenizer.close();
    }
}
