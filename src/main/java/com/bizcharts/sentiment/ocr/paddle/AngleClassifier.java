package com.bizcharts.sentiment.ocr.paddle;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * The text-line angle classifier: each line resized to height 48 (width by its aspect ratio, at most 192, padded),
 * normalised to [-1, 1]; a line the model calls upside down ("180") with more than 0.9 is turned half a turn.
 */
final class AngleClassifier {

    static final int HEIGHT = 48, WIDTH = 192;
    static final double FLIP_THRESHOLD = 0.9;
    static final float[] HALF = {0.5f, 0.5f, 0.5f};

    private final OrtEnvironment env;
    private final OrtSession session;

    AngleClassifier(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    /** Whether each line is upside down, in one run for all of them. */
    boolean[] upsideDown(List<Pixels> lines) throws OrtException {
        boolean[] out = new boolean[lines.size()];
        if (lines.isEmpty()) return out;
        int plane = 3 * HEIGHT * WIDTH;
        float[] input = new float[lines.size() * plane];
        for (int i = 0; i < lines.size(); i++) {
            Pixels p = lines.get(i);
            int w = Math.min(WIDTH, (int) Math.ceil(HEIGHT * (double) p.width() / p.height()));
            p.resizeInto(input, i * plane, Math.max(1, w), HEIGHT, WIDTH, HALF, HALF);
        }
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[]{lines.size(), 3, HEIGHT, WIDTH});
             OrtSession.Result r = session.run(Map.of(session.getInputNames().iterator().next(), x))) {
            FloatBuffer probs = ((OnnxTensor) r.get(0)).getFloatBuffer();
            for (int i = 0; i < lines.size(); i++) {
                float p0 = probs.get(2 * i), p180 = probs.get(2 * i + 1);
                out[i] = p180 > p0 && p180 > FLIP_THRESHOLD;
            }
        }
        return out;
    }
}
