package com.bizcharts.sentiment.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Texts tokenized into one padded batch: ids and attention mask, row-major [rows, seq], padded to the batch's
 * longest text (at most {@code maxLength}) so short posts stay cheap.
 */
record TokenBatch(long[] ids, long[] mask, int rows, int seq) {

    static TokenBatch of(HuggingFaceTokenizer tokenizer, List<String> texts, int maxLength, long padId) {
        Encoding[] enc = tokenizer.batchEncode(texts);
        int n = texts.size();
        int seq = 1;
        for (Encoding e : enc) seq = Math.max(seq, Math.min(maxLength, e.getIds().length));
        long[] ids = new long[n * seq];
        long[] mask = new long[n * seq];
        Arrays.fill(ids, padId);
        for (int i = 0; i < n; i++) {
            long[] tok = enc[i].getIds();
            int len = Math.min(seq, tok.length);
            System.arraycopy(tok, 0, ids, i * seq, len);
            Arrays.fill(mask, i * seq, i * seq + len, 1L);
        }
        return new TokenBatch(ids, mask, n, seq);
    }

    /** Runs the session on this batch (token_type_ids all zero when the model takes them); the caller closes the result. */
    OrtSession.Result run(OrtEnvironment env, OrtSession session, boolean tokenTypes) throws OrtException {
        long[] shape = {rows, seq};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * seq]), shape)) {
            Map<String, OnnxTensor> inputs = tokenTypes
                    ? Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT)
                    : Map.of("input_ids", idT, "attention_mask", maskT);
            return session.run(inputs);
        }
    }
}
