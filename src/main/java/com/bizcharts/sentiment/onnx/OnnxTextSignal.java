package com.bizcharts.sentiment.onnx;

import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalInput;
import com.bizcharts.sentiment.fusion.SignalReading;
import com.bizcharts.sentiment.fusion.SignalSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ONNX text classifier (docs/onnx-models.md) as a text-family signal: the post's subject and text, run in chunks of
 * {@code batchSize} (each chunk is padded to its longest text). The model is opened on first use, so configuring it
 * costs nothing to commands that never score; its content id joins the prediction id.
 */
public final class OnnxTextSignal implements SignalSource {

    private final Path dir;
    private final int batchSize;
    private OnnxTextClassifier classifier;
    private int[] toThree;
    private String idPart;

    public OnnxTextSignal(Path dir, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("ONNX batch size must be at least 1");
        this.dir = dir;
        this.batchSize = batchSize;
    }

    @Override
    public Signal signal() {
        return Signal.ONNX_TEXT;
    }

    @Override
    public synchronized String idPart() {
        if (idPart == null) idPart = "+" + OnnxModels.id(dir);
        return idPart;
    }

    private synchronized OnnxTextClassifier classifier() {
        if (classifier == null) {
            OnnxTextClassifier c = new OnnxTextClassifier(dir);
            try {
                toThree = OnnxModels.threeClasses(c.labels(), dir.resolve("labels.json"));
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
        OnnxTextClassifier c = classifier();
        List<SignalReading> out = new ArrayList<>(Collections.nCopies(batch.size(), (SignalReading) null));
        List<Integer> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String t = batch.get(i).post().fullText();
            if (t.isBlank()) continue;
            rows.add(i);
            texts.add(t);
        }
        for (int from = 0; from < texts.size(); from += batchSize) {
            int to = Math.min(texts.size(), from + batchSize);
            List<double[]> p = c.probabilities(texts.subList(from, to));
            for (int k = 0; k < p.size(); k++) {
                out.set(rows.get(from + k), new SignalReading(Signal.ONNX_TEXT, OnnxModels.toThree(p.get(k), toThree), ""));
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
