package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalFusion;
import com.bizcharts.sentiment.fusion.SignalInput;
import com.bizcharts.sentiment.fusion.SignalReading;
import com.bizcharts.sentiment.fusion.SignalSource;
import com.bizcharts.sentiment.image.Thumbnail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model the workstation trains on the user's labels in seconds and runs on a CPU: the n-gram text model,
 * calibrated on out-of-fold predictions, fused with the image signal and, when wired, further signals (repost
 * neighbours, OCR text, ONNX models) read batch by batch.
 */
public final class EmbeddedModel implements SentimentModel {

    public static final String KIND = "embedded";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedModel.class);

    private final ModelMetadata metadata;
    private final NgramTextModel text;
    private final ProbabilityCalibrator calibrator;
    private final ImageReading.Source images;
    private final SignalFusion fusion;
    private final LinearClassifier imageClassifier;
    private final List<SignalSource> further;
    private final String id;

    /**
     * @param images          how thumbnails are read when the model has no image classifier of its own
     * @param imageClassifier trained on labeled thumbnails, or null (then {@code images} reads them)
     */
    public EmbeddedModel(ModelMetadata metadata, NgramTextModel text, ProbabilityCalibrator calibrator,
                         ImageReading.Source images, SignalFusion fusion, LinearClassifier imageClassifier) {
        this(metadata, text, calibrator, images, fusion, imageClassifier, List.of());
    }

    private EmbeddedModel(ModelMetadata metadata, NgramTextModel text, ProbabilityCalibrator calibrator,
                          ImageReading.Source images, SignalFusion fusion, LinearClassifier imageClassifier,
                          List<SignalSource> further) {
        this.metadata = metadata;
        this.text = text;
        this.calibrator = calibrator;
        this.images = imageClassifier != null ? new ThumbnailSignal(imageClassifier) : images;
        this.fusion = fusion;
        this.imageClassifier = imageClassifier;
        this.further = List.copyOf(further);
        StringBuilder sb = new StringBuilder(metadata.id());
        for (SignalSource s : this.further) sb.append(s.idPart());
        this.id = sb.toString();
    }

    /** The id predictions are stored under: the model's own id, plus the ids of any ONNX models fused with it. */
    @Override
    public String id() {
        return id;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** A copy that reads images through {@code source} (the product wires the sentiment image features in). */
    public EmbeddedModel withImages(ImageReading.Source source) {
        return new EmbeddedModel(metadata, text, calibrator, source, fusion, null, further);
    }

    /** A copy with other metadata (e.g. with the cross-validation metrics added after training). */
    public EmbeddedModel withMetadata(ModelMetadata other) {
        return new EmbeddedModel(other, text, calibrator, images, fusion, imageClassifier, further);
    }

    /** A copy that fuses these further signals too (the sources stay owned by whoever built them). */
    public EmbeddedModel withSignals(List<SignalSource> sources) {
        return new EmbeddedModel(metadata, text, calibrator, images, fusion, imageClassifier, sources);
    }

    public List<SignalSource> signals() {
        return further;
    }

    NgramTextModel textModel() {
        return text;
    }

    /** Name of the sentence encoder the text model was trained with, or null when it has none. */
    public String encoderName() {
        return text.encoder() == null ? null : text.encoder().name();
    }

    ProbabilityCalibrator calibrator() {
        return calibrator;
    }

    /** The trained image classifier, or null when the model reads thumbnails with the colour prior. */
    LinearClassifier imageClassifier() {
        return imageClassifier;
    }

    SignalFusion fusion() {
        return fusion;
    }

    /** Calibrated probabilities from the text alone: what the held-out text-only evaluation measures. */
    public double[] textProbabilities(PostInput post) {
        return calibrator.calibrate(text.probabilities(post));
    }

    @Override
    public Prediction predict(PostInput post) {
        return predictAll(List.of(post)).get(0);
    }

    /**
     * Each post's text and image readings (a sentence encoder, when the model has one, runs once for the batch),
     * then every further signal over the whole batch (an ONNX model runs once per batch), then fusion. A further
     * signal that fails is left out of the batch with a note in the drivers; it never costs the prediction.
     */
    @Override
    public List<Prediction> predictAll(List<PostInput> posts) {
        List<SparseVector> xs = text.featuresAll(posts);
        List<SignalInput> inputs = new ArrayList<>(posts.size());
        List<List<SignalReading>> readings = new ArrayList<>(posts.size());
        List<ImageReading> pictures = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            PostInput post = posts.get(i);
            Thumbnail thumbnail = post.image() == null ? Thumbnail.NONE : Thumbnail.read(post.image());
            inputs.add(new SignalInput(post, thumbnail));
            List<SignalReading> r = new ArrayList<>(2 + further.size());
            r.add(textReading(xs.get(i)));
            ImageReading image = post.image() == null ? ImageReading.absent(ImageStatus.MISSING) : images.readDecoded(thumbnail);
            if (image.status() == ImageStatus.USED) r.add(new SignalReading(Signal.IMAGE, image.probabilities(), image.detail()));
            readings.add(r);
            pictures.add(image);
        }
        List<String> failures = new ArrayList<>();
        for (SignalSource source : further) {
            try {
                List<SignalReading> found = source.read(inputs);
                for (int i = 0; i < found.size(); i++) if (found.get(i) != null) readings.get(i).add(found.get(i));
            } catch (RuntimeException e) {
                log.warn("signal {} failed on a batch of {}: {}", source.signal().word(), posts.size(), e.toString());
                failures.add(source.signal().word() + ":failed (" + e.getMessage() + ")");
            }
        }
        List<Prediction> out = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) out.add(prediction(readings.get(i), pictures.get(i), failures));
        return out;
    }

    private SignalReading textReading(SparseVector x) {
        double[] literal = calibrator.calibrate(text.probabilities(x));
        List<String> terms = text.strongestTerms(x, argmax(literal), 3);
        return new SignalReading(Signal.TEXT, literal, terms.isEmpty() ? "" : "(" + String.join(", ", terms) + ")");
    }

    private Prediction prediction(List<SignalReading> readings, ImageReading image, List<String> failures) {
        SignalFusion.Fused fused = fusion.fuse(readings);
        SentimentLabel label = fused.label();
        List<String> drivers = new ArrayList<>(fused.drivers());
        if (image.status() != ImageStatus.USED) drivers.add("image:" + image.status().name().toLowerCase(Locale.ROOT));
        drivers.addAll(failures);
        double[] p = fused.probabilities();
        return new Prediction(id, label, fused.score(), p[label.index()], p, fused.sarcasm(), fused.literal(), label,
                image.status(), List.copyOf(drivers));
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
