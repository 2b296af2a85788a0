package com.bizcharts.sentiment.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.bizcharts.sentiment.embedded.TextEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A sentence-transformers encoder exported to ONNX (inputs input_ids, attention_mask and optionally token_type_ids;
 * first output the token states [batch, seq, dim]), pooled by the attention-masked mean and L2-normalised, as
 * sentence-transformers' all-MiniLM models are. Batches are padded to their longest text. Thread-safe.
 */
public final class SentenceEncoder implements TextEncoder, AutoCloseable {

    private final OrtEnvironment env = OnnxNatives.environment();
    private final String name;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;
    private final boolean wantsTokenTypes;
    private final int dimension;

    /**
     * @param model     the ONNX graph's bytes
     * @param tokenizer a Hugging Face tokenizer.json
     * @param maxLength tokens kept per text; /biz/ posts rarely need more than 128
     */
    public SentenceEncoder(String name, byte[] model, InputStream tokenizer, int maxLength) {
        this.name = name;
        this.maxLength = maxLength;
        System.setProperty("ai.djl.offline", "true");
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizer,
                    Map.of("truncation", "true", "maxLength", Integer.toString(maxLength), "padding", "false"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot load the tokenizer of encoder " + name + ": " + e.getMessage(), e);
        }
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model, options);
        } catch (OrtException e) {
            this.tokenizer.close();
            throw new IllegalArgumentException("cannot load encoder " + name + ": " + e.getMessage(), e);
        }
        if (!session.getInputNames().containsAll(List.of("input_ids", "attention_mask"))) {
            close();
            throw new IllegalArgumentException("encoder " + name + " must take input_ids and attention_mask, takes "
                    + session.getInputNames());
        }
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        this.dimension = encode(List.of("probe"))[0].length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double[][] encode(List<String> texts) {
        if (texts.isEmpty()) return new double[0][];
        // An empty string tokenizes to the special tokens only, which is a fine "nothing said" vector.
        TokenBatch batch = TokenBatch.of(tokenizer, texts.stream().map(t -> t == null ? "" : t).toList(), maxLength, 0);
        try (OrtSession.Result result = batch.run(env, session, wantsTokenTypes)) {
            if (!(result.get(0).getValue() instanceof float[][][] states))
                throw new IllegalStateException("encoder " + name + " must output token states [batch, seq, dim]");
            return pool(states, batch.mask(), batch.seq());
        } catch (OrtException e) {
            throw new IllegalStateException("encoder " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Attention-masked mean over tokens, then unit length. */
    static double[][] pool(float[][][] states, long[] mask, int seq) {
        double[][] out = new double[states.length][];
        for (int b = 0; b < states.length; b++) {
            int dim = states[b][0].length;
            double[] v = new double[dim];
            int count = 0;
            for (int t = 0; t < seq; t++) {
                if (mask[b * seq + t] == 0) continue;
                count++;
                for (int d = 0; d < dim; d++) v[d] += states[b][t][d];
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                v[d] /= Math.max(1, count);
                norm += v[d] * v[d];
            }
            norm = Math.sqrt(norm);
            if (norm > 0) for (int d = 0; d < dim; d++) v[d] /= norm;
            out[b] = v;
        }
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Already closed: nothing left to free.
        }
        tokenizer.close();
    }
}
