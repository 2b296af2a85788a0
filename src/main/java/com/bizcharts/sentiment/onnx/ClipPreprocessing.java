package com.bizcharts.sentiment.onnx;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * CLIP's image preprocessing as in Hugging Face's preprocessor_config.json: resize the shortest side to
 * {@code shortest_edge}, center-crop to {@code crop_size}, scale to [0,1], normalise per channel with
 * {@code image_mean} / {@code image_std}; laid out NCHW (channel planes R, G, B).
 */
public record ClipPreprocessing(int shortestEdge, int cropSize, double[] mean, double[] std) {

    public static final ClipPreprocessing CLIP = new ClipPreprocessing(224, 224,
            new double[]{0.48145466, 0.4578275, 0.40821073}, new double[]{0.26862954, 0.26130258, 0.27577711});

    public ClipPreprocessing {
        if (shortestEdge <= 0 || cropSize <= 0 || cropSize > shortestEdge) {
            throw new IllegalArgumentException("need 0 < crop_size <= shortest_edge, got " + cropSize + " / " + shortestEdge);
        }
        if (mean.length != 3 || std.length != 3) throw new IllegalArgumentException("image_mean/image_std need 3 values");
    }

    /** Reads preprocessor_config.json; both the int and the {"shortest_edge": n} / {"height": n} forms. */
    public static ClipPreprocessing from(JsonNode cfg) {
        JsonNode size = cfg.path("size");
        int edge = size.isInt() ? size.asInt() : size.path("shortest_edge").asInt(CLIP.shortestEdge);
        JsonNode crop = cfg.path("crop_size");
        int cropSize = crop.isInt() ? crop.asInt() : crop.path("height").asInt(edge);
        double[] mean = cfg.has("image_mean") ? ModelDirectory.doubles(cfg.get("image_mean"), "image_mean") : CLIP.mean;
        double[] std = cfg.has("image_std") ? ModelDirectory.doubles(cfg.get("image_std"), "image_std") : CLIP.std;
        return new ClipPreprocessing(edge, cropSize, mean, std);
    }

    /** One image as a flat CHW float array of length 3 * cropSize * cropSize. */
    public float[] pixels(BufferedImage image) {
        double scale = (double) shortestEdge / Math.min(image.getWidth(), image.getHeight());
        int w = Math.max(cropSize, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(cropSize, (int) Math.round(image.getHeight() * scale));
        BufferedImage resized = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = resized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        int x0 = (w - cropSize) / 2;
        int y0 = (h - cropSize) / 2;
        int plane = cropSize * cropSize;
        float[] out = new float[3 * plane];
        for (int y = 0; y < cropSize; y++) {
            for (int x = 0; x < cropSize; x++) {
                int rgb = resized.getRGB(x0 + x, y0 + y);
                int i = y * cropSize + x;
                out[i] = (float) ((((rgb >> 16) & 0xff) / 255.0 - mean[0]) / std[0]);
                out[plane + i] = (float) ((((rgb >> 8) & 0xff) / 255.0 - mean[1]) / std[1]);
                out[2 * plane + i] = (float) (((rgb & 0xff) / 255.0 - mean[2]) / std[2]);
            }
        }
        return out;
    }
}
