package com.bizcharts.sentiment.ocr.paddle;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CTC line recogniser: a line resized to height 48 and the width its aspect ratio gives, padded with zeros to at
 * least 320 ({@code rec_image_shape = 3,48,320}), normalised to [-1, 1]; the output decoded by {@link CtcDecoder}.
 * One line per run: PaddleOCR's batches of 6 padded to the widest line read no faster here (2 cores) and a little
 * worse (word accuracy on generated captions 0.932-0.971 against 0.941-0.975 one by one).
 */
final class TextRecognizer {

    static final int HEIGHT = 48, MIN_WIDTH = 320;
    static final float[] HALF = {0.5f, 0.5f, 0.5f};

    private final OrtEnvironment env;
    private final OrtSession session;
    private final CtcDecoder decoder;
    private final int classes;

    TextRecognizer(OrtEnvironment env, OrtSession session, CharacterList characters, CtcDecoder decoder) {
        this.env = env;
        this.session = session;
        this.decoder = decoder;
        this.classes = characters.classes();
    }

    /** The width of the tensor and of the resized line in it, for a line of this size: {tensor, line}. */
    static int[] widths(int width, int height) {
        double ratio = (double) width / height;
        int tensor = (int) (HEIGHT * Math.max((double) MIN_WIDTH / HEIGHT, ratio));
        int line = Math.min(tensor, (int) Math.ceil(HEIGHT * ratio));
        return new int[]{tensor, Math.max(1, line)};
    }

    /** Every line, in the order given. */
    List<CtcDecoder.Decoded> readAll(List<Pixels> lines) throws OrtException {
        List<CtcDecoder.Decoded> out = new ArrayList<>(lines.size());
        for (Pixels line : lines) out.add(read(line));
        return out;
    }

    CtcDecoder.Decoded read(Pixels line) throws OrtException {
        int[] w = widths(line.width(), line.height());
        float[] input = new float[3 * HEIGHT * w[0]];
        line.resizeInto(input, 0, w[1], HEIGHT, w[0], HALF, HALF);
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[]{1, 3, HEIGHT, w[0]});
             OrtSession.Result r = session.run(Map.of(session.getInputNames().iterator().next(), x))) {
            OnnxTensor out = (OnnxTensor) r.get(0);
            long[] shape = out.getInfo().getShape();
            if (shape[2] != classes) {
                throw new IllegalStateException("the recogniser has " + shape[2] + " classes, the character list " + classes);
            }
            FloatBuffer buf = out.getFloatBuffer();
            float[] probs = new float[buf.remaining()];
            buf.get(probs);
            return decoder.decode(probs, 0, (int) shape[1]);
        }
    }
}
