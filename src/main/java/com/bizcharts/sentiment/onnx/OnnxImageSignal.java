package com.bizcharts.sentiment.onnx;

import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalInput;
import com.bizcharts.sentiment.fusion.SignalReading;
import com.bizcharts.sentiment.fusion.SignalSource;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A CLIP-style ONNX image encoder with its linear head (docs/onnx-models.md) as an image-family signal, over the
 * thumbnails the model already decoded, in chunks of {@code batchSize}. Posts without a readable thumbnail have no
 * reading. Opened on first use; its content id joins the prediction id.
 */
public final class OnnxImageSignal implements SignalSource {

    private final Path dir;
    private final int batchSize;
    private OnnxImageClassifier classifier;
    private int[] toThree;
    private String idPart;

    public OnnxImageSignal(Path dir, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("ONNX batch size must be at least 1");
        this.dir = dir;
        this.batchSize = batchSize;
    }

    @Override
    public Signal signal() {
        return Signal.ONNX_IMAGE;
    }

    @Override
    public synchronized String idPart() {
        if (idPart == null) idPart = "+" + OnnxModels.id(dir);
        return idPart;
    }

    private synchronized OnnxImageClassifier classifier() {
        if (classifier == null) {
            OnnxImageClassifier c = new OnnxImageClassifier(dir);
            try {
                toThree = OnnxModels.threeClasses(c.labels(), dir.resolve("head.json"));
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
            classifier = c;
        }
        return classifier;
    }

    @Override
    public List<SignalReading> read(List<SignalInput> batch) {
        List<SignalReading> out = new ArrayList<>(Collections.nCopies(batch.size(), (SignalReading) null));
        List<Integer> rows = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).thumbnail().used()) continue;
            rows.add(i);
            images.add(batch.get(i).thumbnail().image());
        }
        if (images.isEmpty()) return out;
        OnnxImageClassifier c = classifier();
        for (int from = 0; from < images.size(); from += batchSize) {
            int to = Math.min(images.size(), from + batchSize);
            List<double[]> p = c.probabilities(images.subList(from, to));
            for (int k = 0; k < p.size(); k++) {
                out.set(rows.get(from + k), new SignalReading(Signal.ONNX_IMAGE, OnnxModels.toThree(p.get(k), toThree), ""));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (classifier != null) classifier.close();
        classifier = null;
    }
}
