package com.bizcharts.sentiment.ocr.paddle;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * The DB text detector: the image resized so its longer side is at most 960 and each side a multiple of 32
 * ({@code DetResizeForTest}, limit type max), BGR normalised by ImageNet's mean and std, the model's probability map
 * turned into boxes by {@link DbPostProcess}.
 */
final class TextDetector {

    static final int LIMIT_SIDE = 960;
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final OrtEnvironment env;
    private final OrtSession session;
    private final DbPostProcess post;

    TextDetector(OrtEnvironment env, OrtSession session, DbPostProcess post) {
        this.env = env;
        this.session = session;
        this.post = post;
    }

    /** The detector's input size for an image: {height, width}. */
    static int[] inputSize(int width, int height) {
        double ratio = Math.max(width, height) > LIMIT_SIDE ? (double) LIMIT_SIDE / Math.max(width, height) : 1;
        int h = (int) (height * ratio), w = (int) (width * ratio);
        return new int[]{Math.max((int) Math.rint(h / 32.0) * 32, 32), Math.max((int) Math.rint(w / 32.0) * 32, 32)};
    }

    List<TextBox> detect(Pixels image) throws OrtException {
        int[] size = inputSize(image.width(), image.height());
        int h = size[0], w = size[1];
        float[] input = new float[3 * h * w];
        image.resizeInto(input, 0, w, h, w, MEAN, STD);
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[]{1, 3, h, w});
             OrtSession.Result r = session.run(Map.of(session.getInputNames().iterator().next(), x))) {
            OnnxTensor out = (OnnxTensor) r.get(0);
            long[] shape = out.getInfo().getShape();
            int mh = (int) shape[2], mw = (int) shape[3];
            FloatBuffer buf = out.getFloatBuffer();
            float[] map = new float[buf.remaining()];
            buf.get(map);
            return post.boxes(map, mw, mh, image.width(), image.height());
        }
    }
}
