package com.bizcharts.sentiment.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.SentimentModel;
import com.fasterxml.jackson.databind.JsonNode;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CPU student distilled from the fine-tuned vision-language model on the GPU machine (runpod/export_student.py,
 * format {@code onnx-student-v1}): model.onnx takes input_ids and attention_mask [batch, max_length] int64 and
 * pixel_values [batch, 3, size, size] float32 and gives logits [batch, 3] (bearish, neutral, bullish);
 * tokenizer.json holds its word vocabulary, metadata.json its id, text prefix, image size and normalisation.
 * Inputs are prepared exactly as the export prepared its training data, so scores here match the pod's.
 */
public final class OnnxStudentModel implements SentimentModel {

    public static final String KIND = "student";
    private static final Set<String> INPUTS = Set.of("input_ids", "attention_mask", "pixel_values");

    private final OrtEnvironment env = OnnxNatives.environment();
    private final OrtSession session;
    private final String id;
    private final StudentTokenizer tokenizer;
    private final String textPrefix;
    private final int size;
    private final double[] mean;
    private final double[] std;

    /** Whether dir holds a student (its metadata.json says kind "student"), as export_student.py writes it. */
    public static boolean isStudentDirectory(Path dir) {
        return java.nio.file.Files.isRegularFile(dir.resolve("metadata.json"))
                && KIND.equals(ModelDirectory.json(dir, "metadata.json").path("kind").asText());
    }

    public OnnxStudentModel(Path dir) {
        JsonNode meta = ModelDirectory.json(dir, "metadata.json");
        List<String> labels = ModelDirectory.labels(meta, dir.resolve("metadata.json"));
        if (!labels.equals(List.of("bearish", "neutral", "bullish")))
            throw new IllegalArgumentException(dir + ": a student must name the labels bearish, neutral, bullish, names " + labels);
        this.id = meta.path("id").asText(dir.getFileName().toString());
        JsonNode image = meta.path("image");
        this.size = image.path("size").asInt(96);
        this.mean = image.has("mean") ? ModelDirectory.doubles(image.get("mean"), "image.mean") : new double[]{0.5, 0.5, 0.5};
        this.std = image.has("std") ? ModelDirectory.doubles(image.get("std"), "image.std") : new double[]{0.5, 0.5, 0.5};
        this.textPrefix = meta.path("text_prefix").asText("");
        this.tokenizer = StudentTokenizer.read(dir, meta.path("inputs").path("input_ids").path(1).asInt(64));
        try {
            this.session = env.createSession(ModelDirectory.require(dir, "model.onnx").toString(), new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot load " + dir.resolve("model.onnx") + ": " + e.getMessage(), e);
        }
        Set<String> inputs = Set.copyOf(session.getInputNames());
        if (!inputs.containsAll(INPUTS)) {
            close();
            throw new IllegalArgumentException(dir + "/model.onnx must take " + INPUTS + ", takes " + inputs);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Prediction predict(PostInput post) {
        return predictAll(List.of(post)).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<PostInput> posts) {
        if (posts.isEmpty()) return List.of();
        int n = posts.size(), len = tokenizer.maxLength(), plane = 3 * size * size;
        long[] ids = new long[n * len];
        long[] mask = new long[n * len];
        float[] pixels = new float[n * plane];
        ImageStatus[] status = new ImageStatus[n];
        for (int i = 0; i < n; i++) {
            StudentTokenizer.Encoded e = tokenizer.encode(text(posts.get(i)));
            System.arraycopy(e.ids(), 0, ids, i * len, len);
            System.arraycopy(e.mask(), 0, mask, i * len, len);
            StudentImages.Read read = StudentImages.read(posts.get(i).image());
            status[i] = read.status();
            System.arraycopy(pixels(read.image()), 0, pixels, i * plane, plane);
        }
        float[][] logits = run(ids, mask, pixels, n, len);
        List<Prediction> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(prediction(Softmax.of(logits[i]), status[i]));
        return out;
    }

    /** What the export fed the student: the training prompt, then subject and text. */
    String text(PostInput post) {
        return textPrefix + post.fullText();
    }

    /** Stretched to size x size (as PIL's resize does), scaled to [0, 1], normalised, CHW; no image is black. */
    float[] pixels(BufferedImage image) {
        int plane = size * size;
        float[] out = new float[3 * plane];
        BufferedImage resized = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        if (image != null) {
            var g = resized.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.drawImage(image, 0, 0, size, size, null);
            } finally {
                g.dispose();
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = resized.getRGB(x, y);
                int i = y * size + x;
                out[i] = (float) ((((rgb >> 16) & 0xff) / 255.0 - mean[0]) / std[0]);
                out[plane + i] = (float) ((((rgb >> 8) & 0xff) / 255.0 - mean[1]) / std[1]);
                out[2 * plane + i] = (float) (((rgb & 0xff) / 255.0 - mean[2]) / std[2]);
            }
        }
        return out;
    }

    private float[][] run(long[] ids, long[] mask, float[] pixels, int n, int len) {
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[]{n, len});
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[]{n, len});
             OnnxTensor pixT = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), new long[]{n, 3, size, size});
             OrtSession.Result result = session.run(Map.of("input_ids", idT, "attention_mask", maskT, "pixel_values", pixT))) {
            float[][] logits = (float[][]) result.get(0).getValue();
            if (logits.length != n || logits[0].length != 3)
                throw new IllegalStateException("student gives " + logits[0].length + " logits per post, expected 3");
            return logits;
        } catch (OrtException e) {
            throw new IllegalStateException("student inference failed: " + e.getMessage(), e);
        }
    }

    private Prediction prediction(double[] p, ImageStatus status) {
        int best = 0;
        for (int k = 1; k < 3; k++) if (p[k] > p[best]) best = k;
        SentimentLabel label = SentimentLabel.ofIndex(best);
        return new Prediction(id, label, p[2] - p[0], p[best], p, 0, label, label, status,
                List.of(String.format(java.util.Locale.ROOT, "student:%s %.2f", label.word(), p[best])));
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
