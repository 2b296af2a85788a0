package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.SentimentLabel;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalFusion;
import com.bizcharts.sentiment.fusion.SignalReading;

import java.util.ArrayList;
import java.util.List;

/**
 * The model the workstation trains on the user's labels in seconds and runs on a CPU: the n-gram text model,
 * calibrated on out-of-fold predictions, fused with the image signal (and OCR/context when supplied).
 */
public final class EmbeddedModel implements SentimentModel {

    public static final String KIND = "embedded";

    private final ModelMetadata metadata;
    private final NgramTextModel text;
    private final ProbabilityCalibrator calibrator;
    private final ImageReading.Source images;
    private final SignalFusion fusion;
    private final LinearClassifier imageClassifier;

    /**
     * @param images          how thumbnails are read when the model has no image classifier of its own
     * @param imageClassifier trained on labeled thumbnails, or null (then {@code images} reads them)
     */
    public EmbeddedModel(ModelMetadata metadata, NgramTextModel text, ProbabilityCalibrator calibrator,
                         ImageReading.Source images, SignalFusion fusion, LinearClassifier imageClassifier) {
        this.metadata = metadata;
        this.text = text;
        this.calibrator = calibrator;
        this.images = imageClassifier != null ? new ThumbnailSignal(imageClassifier) : images;
        this.fusion = fusion;
        this.imageClassifier = imageClassifier;
    }

    @Override
    public String id() {
        return metadata.id();
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** A copy that reads images through {@code source} (the product wires the sentiment image features in). */
    public EmbeddedModel withImages(ImageReading.Source source) {
        return new EmbeddedModel(metadata, text, calibrator, source, fusion, null);
    }

    /** A copy with other metadata (e.g. with the cross-validation metrics added after training). */
    public EmbeddedModel withMetadata(ModelMetadata other) {
        return new EmbeddedModel(other, text, calibrator, images, fusion, imageClassifier);
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
        return predict(post, text.features(post));
    }

    /** Batched: the sentence encoder, when the model has one, runs once per batch instead of once per post. */
    @Override
    public List<Prediction> predictAll(List<PostInput> posts) {
        List<SparseVector> xs = text.featuresAll(posts);
        List<Prediction> out = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) out.add(predict(posts.get(i), xs.get(i)));
        return out;
    }

    private Prediction predict(PostInput post, SparseVector x) {
        double[] literal = calibrator.calibrate(text.probabilities(x));
        List<String> terms = text.strongestTerms(x, argmax(literal), 3);
        List<SignalReading> readings = new ArrayList<>();
        readings.add(new SignalReading(Signal.TEXT, literal, terms.isEmpty() ? "" : "(" + String.join(", ", terms) + ")"));

        ImageReading image = post.image() == null ? ImageReading.absent(ImageStatus.MISSING) : images.read(post.image());
        if (image.status() == ImageStatus.USED) {
            readings.add(new SignalReading(Signal.IMAGE, image.probabilities(), image.detail()));
        }
        SignalFusion.Fused fused = fusion.fuse(readings);
        SentimentLabel label = fused.label();
        List<String> drivers = new ArrayList<>(fused.drivers());
        if (image.status() != ImageStatus.USED) drivers.add("image:" + image.status().name().toLowerCase(java.util.Locale.ROOT));
        double[] p = fused.probabilities();
        return new Prediction(id(), label, fused.score(), p[label.index()], p, fused.sarcasm(), fused.literal(), label,
                image.status(), List.copyOf(drivers));
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
