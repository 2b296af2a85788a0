package com.bizcharts.sentiment.image;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * nsfwjs's MobileNetV2 on ONNX Runtime ({@code models/mobilenet-v2}, converted by its convert.py): a thumbnail's
 * 1280-d pooled features and its five class probabilities. Preprocessing is nsfwjs's own: RGB (transparency on
 * white), pixel / 255, bilinear resize to 224 x 224 with aligned corners. Not used by the default model's scoring.
 */
public final class MobileNetFeatures implements AutoCloseable {

    /** The model inside the jar (models/mobilenet-v2, see pom.xml and its PROVENANCE.md). */
    public static final String BUNDLED = "/com/bizcharts/models/mobilenet-v2/model.onnx";
    public static final int SIZE = 224;
    public static final int FEATURES = 1280;

    /** nsfwjs's classes, in the order of the model's output. */
    public enum Category { DRAWING, HENTAI, NEUTRAL, PORN, SEXY }

    /** What the model read off one image. */
    public record Reading(float[] features, float[] probabilities) {
        public float probability(Category c) {
            return probabilities[c.ordinal()];
        }

        public Category top() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
            return Category.values()[best];
        }
    }

    private final OrtEnvironment env;
    private final OrtSession session;

    private MobileNetFeatures(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    /** The bundled model, with {@code threads} ONNX Runtime threads per image. */
    public static MobileNetFeatures bundled(int threads) throws IOException, OrtException {
        try (InputStream in = MobileNetFeatures.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IOException("not in the jar: " + BUNDLED + " (models/mobilenet-v2, see its PROVENANCE.md)");
            return open(in.readAllBytes(), threads);
        }
    }

    public static MobileNetFeatures file(Path model, int threads) throws IOException, OrtException {
        return open(Files.readAllBytes(model), threads);
    }

    public static MobileNetFeatures open(byte[] model, int threads) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // As PaddleOcr: idle pool threads sleep, which is faster and cheaper on 2 busy cores.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return new MobileNetFeatures(env, env.createSession(model, options));
        }
    }

    /** Features and probabilities of one image (any size; thread-safe, as ONNX Runtime sessions are). */
    public Reading read(BufferedImage image) throws OrtException {
        float[] input = pixels(image);
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[]{1, 3, SIZE, SIZE});
             OrtSession.Result r = session.run(Map.of("image", x))) {
            float[] features = ((float[][]) r.get("features").orElseThrow().getValue())[0];
            float[] probabilities = ((float[][]) r.get("probabilities").orElseThrow().getValue())[0];
            return new Reading(features, probabilities);
        }
    }

    /** The model's input: NCHW RGB in [0, 1], 224 x 224, bilinear with aligned corners as tf.image.resizeBilinear. */
    static float[] pixels(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        BufferedImage rgb = Thumbnail.onWhite(image);
        int[] argb = rgb.getRGB(0, 0, w, h, null, 0, w);
        float[] out = new float[3 * SIZE * SIZE];
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            double sy = h > 1 ? y * (h - 1) / (double) (SIZE - 1) : 0;
            int y0 = (int) sy, y1 = Math.min(y0 + 1, h - 1);
            double fy = sy - y0;
            for (int x = 0; x < SIZE; x++) {
                double sx = w > 1 ? x * (w - 1) / (double) (SIZE - 1) : 0;
                int x0 = (int) sx, x1 = Math.min(x0 + 1, w - 1);
                double fx = sx - x0;
                int a = argb[y0 * w + x0], b = argb[y0 * w + x1], c = argb[y1 * w + x0], d = argb[y1 * w + x1];
                for (int ch = 0; ch < 3; ch++) {
                    int shift = 16 - 8 * ch;
                    double top = ((a >> shift) & 255) * (1 - fx) + ((b >> shift) & 255) * fx;
                    double bottom = ((c >> shift) & 255) * (1 - fx) + ((d >> shift) & 255) * fx;
                    out[ch * plane + y * SIZE + x] = (float) ((top * (1 - fy) + bottom * fy) / 255.0);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the MobileNetV2 session", e);
        }
    }
}
