package com.bizcharts.sentiment.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
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
public final class OnnxTextClassifier implements OnnxClassifier<String> {

    private final OrtEnvironment env = OnnxNatives.environment();
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
        TokenBatch batch = TokenBatch.of(tokenizer, texts, maxLength, padId);
        try (OrtSession.Result result = batch.run(env, session, wantsTokenTypes)) {
            float[][] logits = (float[][]) result.get(0).getValue();
            if (logits[0].length != labels.size()) {
                throw new IllegalStateException("model gives " + logits[0].length + " logits but labels.json names "
                        + labels.size() + " labels");
            }
            return logits;
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
