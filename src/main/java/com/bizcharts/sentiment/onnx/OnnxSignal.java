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
import java.util.function.Function;

/**
 * An ONNX classifier (docs/onnx-models.md) as a further signal: {@link #text} reads the post's subject and text (a
 * text-family reading), {@link #image} the thumbnail the model already decoded (an image-family reading). Inputs
 * run in chunks of {@code batchSize}; a post with nothing to read (blank text, no readable thumbnail) has no
 * reading. The model opens on first use, so configuring it costs nothing to commands that never score, and its
 * content id joins the prediction id.
 */
public final class OnnxSignal<I> implements SignalSource {

    private final Path dir;
    private final int batchSize;
    private final Signal signal;
    private final String labelsFile;
    private final Function<Path, OnnxClassifier<I>> open;
    /** The post's input for this model, or null when it has none. */
    private final Function<SignalInput, I> input;
    private OnnxClassifier<I> classifier;
    private int[] toThree;
    private String idPart;

    private OnnxSignal(Path dir, int batchSize, Signal signal, String labelsFile, Function<Path, OnnxClassifier<I>> open,
                       Function<SignalInput, I> input) {
        if (batchSize < 1) throw new IllegalArgumentException("ONNX batch size must be at least 1");
        this.dir = dir;
        this.batchSize = batchSize;
        this.signal = signal;
        this.labelsFile = labelsFile;
        this.open = open;
        this.input = input;
    }

    public static OnnxSignal<String> text(Path dir, int batchSize) {
        return new OnnxSignal<>(dir, batchSize, Signal.ONNX_TEXT, "labels.json", OnnxTextClassifier::new, in -> {
            String t = in.post().fullText();
            return t.isBlank() ? null : t;
        });
    }

    public static OnnxSignal<BufferedImage> image(Path dir, int batchSize) {
        return new OnnxSignal<>(dir, batchSize, Signal.ONNX_IMAGE, "head.json", OnnxImageClassifier::new,
                in -> in.thumbnail().used() ? in.thumbnail().image() : null);
    }

    @Override
    public Signal signal() {
        return signal;
    }

    @Override
    public synchronized String idPart() {
        if (idPart == null) idPart = "+" + OnnxModels.id(dir);
        return idPart;
    }

    private synchronized OnnxClassifier<I> classifier() {
        if (classifier == null) {
            OnnxClassifier<I> c = open.apply(dir);
            try {
                toThree = OnnxModels.threeClasses(c.labels(), dir.resolve(labelsFile));
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
        List<I> inputs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            I in = input.apply(batch.get(i));
            if (in == null) continue;
            rows.add(i);
            inputs.add(in);
        }
        if (inputs.isEmpty()) return out;
        OnnxClassifier<I> c = classifier();
        for (int from = 0; from < inputs.size(); from += batchSize) {
            int to = Math.min(inputs.size(), from + batchSize);
            List<double[]> p = c.probabilities(inputs.subList(from, to));
            for (int k = 0; k < p.size(); k++) {
                out.set(rows.get(from + k), new SignalReading(signal, OnnxModels.toThree(p.get(k), toThree), ""));
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
