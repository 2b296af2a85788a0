package com.bizcharts.sentiment.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What an ONNX model directory is and its content id. The id hashes the files the runner reads (graph, tokenizer,
 * labels or head), so the same export under another folder name has the same id, and a re-export another.
 */
public final class OnnxModels {

    public static final String TEXT = "onnx-text";
    public static final String IMAGE = "onnx-image";
    /**
     * A sentence encoder's directory (model.onnx + tokenizer.json, no labels.json, no metadata.json): a feature block
     * of the embedded model, never a signal nor the scoring model.
     */
    public static final String ENCODER = "sentence-encoder";

    private static final List<String> TEXT_FILES = List.of("labels.json", "tokenizer.json", "model.onnx");
    private static final List<String> IMAGE_FILES = List.of("head.json", "preprocessor_config.json", "image_encoder.onnx");
    private static final List<String> ENCODER_FILES = List.of("tokenizer.json", "model.onnx");

    private OnnxModels() {}

    /** {@link #TEXT}, {@link #IMAGE}, {@link #ENCODER}, or null when the directory is none (e.g. an embedded model). */
    public static String kindOf(Path dir) {
        if (Files.isRegularFile(dir.resolve("model.onnx")) && Files.isRegularFile(dir.resolve("labels.json"))) return TEXT;
        if (Files.isRegularFile(dir.resolve("image_encoder.onnx")) && Files.isRegularFile(dir.resolve("head.json"))) return IMAGE;
        // a distilled student has these two files too, and its metadata.json: it is a scoring model, not an encoder
        if (Files.isRegularFile(dir.resolve("model.onnx")) && Files.isRegularFile(dir.resolve("tokenizer.json"))
                && !Files.exists(dir.resolve("metadata.json"))) return ENCODER;
        return null;
    }

    /** The kind ({@code onnx-text-}, {@code onnx-image-}, {@code sentence-encoder-}) and 12 hex digits of the SHA-256 of the model's files. */
    public static String id(Path dir) {
        String kind = kindOf(dir);
        if (kind == null) {
            throw new IllegalArgumentException(dir + " is not an ONNX model directory (model.onnx + labels.json, "
                    + "image_encoder.onnx + head.json, or model.onnx + tokenizer.json; see docs/onnx-models.md)");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (String name : kind.equals(TEXT) ? TEXT_FILES : kind.equals(IMAGE) ? IMAGE_FILES : ENCODER_FILES) {
                Path f = dir.resolve(name);
                if (!Files.isRegularFile(f)) continue;
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f)) {
                    for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
                }
            }
            return kind + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where each of a model's labels goes among bearish (0), neutral (1) and bullish (2): CryptoBERT says Bearish /
     * Neutral / Bullish, sentiment models negative / neutral / positive. A model without a neutral label gives it 0.
     */
    static int[] threeClasses(List<String> labels, Path where) {
        int[] to = new int[labels.size()];
        boolean bearish = false, bullish = false;
        for (int i = 0; i < to.length; i++) {
            to[i] = switch (labels.get(i).strip().toLowerCase(Locale.ROOT)) {
                case "bearish", "negative", "neg" -> 0;
                case "neutral", "neu" -> 1;
                case "bullish", "positive", "pos" -> 2;
                default -> throw new IllegalArgumentException(where + ": label '" + labels.get(i)
                        + "' is not bearish/neutral/bullish (or negative/neutral/positive)");
            };
            bearish |= to[i] == 0;
            bullish |= to[i] == 2;
        }
        if (!bearish || !bullish) throw new IllegalArgumentException(where + ": labels " + labels + " need a bearish and a bullish one");
        return to;
    }

    /** A model's probabilities in our order. */
    static double[] toThree(double[] p, int[] to) {
        double[] out = new double[3];
        for (int i = 0; i < p.length; i++) out[to[i]] += p[i];
        return out;
    }
}
