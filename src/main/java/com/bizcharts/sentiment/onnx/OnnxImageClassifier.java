package com.bizcharts.sentiment.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CLIP-style image encoder in ONNX (input pixel_values float [batch, 3, crop, crop], first output the
 * embeddings [batch, dim]) followed by a linear head trained on our labels. Directory: image_encoder.onnx,
 * preprocessor_config.json (optional; CLIP's defaults otherwise) and head.json
 * ({"labels": [...], "weights": [[dim] per label], "bias": [...], "normalize": true}).
 */
public final class OnnxImageClassifier implements OnnxClassifier<BufferedImage> {

    private final OrtEnvironment env = OnnxNatives.environment();
    private final OrtSession session;
    private final String inputName;
    private final ClipPreprocessing preprocessing;
    private final List<String> labels;
    private final double[][] weights;
    private final double[] bias;
    private final boolean normalize;

    public OnnxImageClassifier(Path dir) {
        this.preprocessing = Files.isRegularFile(dir.resolve("preprocessor_config.json"))
                ? ClipPreprocessing.from(ModelDirectory.json(dir, "preprocessor_config.json"))
                : ClipPreprocessing.CLIP;
        JsonNode head = ModelDirectory.json(dir, "head.json");
        this.labels = ModelDirectory.labels(head, dir.resolve("head.json"));
        JsonNode w = head.path("weights");
        if (!w.isArray() || w.size() != labels.size()) {
            throw new IllegalArgumentException(dir.resolve("head.json") + ": \"weights\" needs one row per label");
        }
        this.weights = new double[labels.size()][];
        for (int k = 0; k < weights.length; k++) weights[k] = ModelDirectory.doubles(w.get(k), "weights row " + k);
        this.bias = ModelDirectory.doubles(head.path("bias"), "bias");
        if (bias.length != labels.size()) throw new IllegalArgumentException("head.json: bias needs one value per label");
        // CLIP heads are trained on unit-length embeddings; a head can opt out for encoders that pre-normalise.
        this.normalize = head.path("normalize").asBoolean(true);
        try {
            this.session = env.createSession(ModelDirectory.require(dir, "image_encoder.onnx").toString(),
                    new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot load " + dir.resolve("image_encoder.onnx") + ": " + e.getMessage(), e);
        }
        this.inputName = session.getInputNames().contains("pixel_values")
                ? "pixel_values" : session.getInputNames().iterator().next();
    }

    public List<String> labels() {
        return labels;
    }

    public ClipPreprocessing preprocessing() {
        return preprocessing;
    }

    /** The encoder's embeddings, one row per image (before normalisation). */
    public float[][] embeddings(List<BufferedImage> images) {
        if (images.isEmpty()) return new float[0][];
        int c = preprocessing.cropSize();
        int per = 3 * c * c;
        float[] batch = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) System.arraycopy(preprocessing.pixels(images.get(i)), 0, batch, i * per, per);
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), new long[]{images.size(), 3, c, c});
             OrtSession.Result result = session.run(Map.of(inputName, t))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("onnx image inference failed: " + e.getMessage(), e);
        }
    }

    /** Class probabilities per image, in {@link #labels()} order. */
    public List<double[]> probabilities(List<BufferedImage> images) {
        List<double[]> out = new ArrayList<>(images.size());
        for (float[] e : embeddings(images)) {
            if (e.length != weights[0].length) {
                throw new IllegalStateException("encoder gives " + e.length + "-d embeddings, head expects " + weights[0].length);
            }
            double norm = 0;
            for (float v : e) norm += (double) v * v;
            norm = normalize && norm > 0 ? Math.sqrt(norm) : 1;
            float[] logits = new float[labels.size()];
            for (int k = 0; k < logits.length; k++) {
                double s = bias[k];
                for (int j = 0; j < e.length; j++) s += weights[k][j] * e[j] / norm;
                logits[k] = (float) s;
            }
            out.add(Softmax.of(logits));
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
    }
}
