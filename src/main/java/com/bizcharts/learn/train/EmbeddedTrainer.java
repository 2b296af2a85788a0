package com.bizcharts.learn.train;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.embedded.LinearClassifier;
import com.bizcharts.sentiment.embedded.SparseVector;
import com.bizcharts.sentiment.embedded.ThumbnailFeatures;
import com.bizcharts.sentiment.embedded.ModelMetadata;
import com.bizcharts.sentiment.embedded.NgramTextModel;
import com.bizcharts.sentiment.embedded.PostTraits;
import com.bizcharts.sentiment.embedded.ProbabilityCalibrator;
import com.bizcharts.sentiment.embedded.TextEncoder;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.fusion.FusionLearner;
import com.bizcharts.sentiment.fusion.FusionWeights;
import com.bizcharts.sentiment.fusion.SignalFusion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains an embedded model: the n-gram text model on all posts, and its calibration on out-of-fold probabilities
 * from an inner stratified split. Deterministic: same posts and options, same weights.
 */
public final class EmbeddedTrainer {

    /** Training knobs; {@link #standard()} is what {@code train} uses. */
    public record Options(NgramTextModel.Options text, int calibrationFolds, boolean classOffsets, long seed) {
        public static Options standard() {
            return new Options(NgramTextModel.Options.standard(), 5, true, 20251008L);
        }

        /** The same with the text model's sentence encoder set (null for none). */
        public Options withEncoder(String encoder) {
            return new Options(text.encoder(encoder), calibrationFolds, classOffsets, seed);
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            var ng = text.ngrams();
            m.put("word_ngrams", ng.wordMin() + "-" + ng.wordMax());
            m.put("subject_terms", text.subjectTerms());
            m.put("char_ngrams", ng.charMin() + "-" + ng.charMax());
            m.put("min_df", text.minDf());
            m.put("tf", "sublinear");
            m.put("c", text.c());
            m.put("class_weights", text.balanced() ? "balanced" : "none");
            m.put("trait_weight", text.traitWeight());
            if (text.encoder() != null) {
                m.put("sentence_encoder", text.encoder());
                m.put("encoder_weight", text.encoderWeight());
            }
            m.put("calibration", "temperature" + (classOffsets ? " and class offsets (macro-F1)" : "") + " on "
                    + calibrationFolds + "-fold out-of-fold probabilities");
            m.put("seed", seed);
            m.put("solver", "liblinear L2R_LR one-vs-rest, eps 0.01");
            return m;
        }
    }

    /** Where the labels came from, for the metadata. */
    public record Provenance(String source, String sha256, String command, Instant createdAt) {}

    /** Regularisation of the 6-feature image classifier: strong, it learns from a few hundred thumbnails at most. */
    private static final double IMAGE_C = 1.0;

    /**
     * Share of the run before each part, for progress: the calibration folds are most of the work (k text fits on
     * 4/5 of the data), then the final text fit, then the small image classifier.
     */
    private static final double FOLDS_FROM = 0.05, FOLDS_TO = 0.7, IMAGE_FROM = 0.85;

    private final LexiconReading.Source lexicon;
    private final ImageReading.Source images;
    private final TextEncoder.Source encoders;

    public EmbeddedTrainer(LexiconReading.Source lexicon, ImageReading.Source images) {
        this(lexicon, images, TextEncoder.Source.none());
    }

    public EmbeddedTrainer(LexiconReading.Source lexicon, ImageReading.Source images, TextEncoder.Source encoders) {
        this.lexicon = lexicon;
        this.images = images;
        this.encoders = encoders;
    }

    public EmbeddedModel train(List<LabeledPost> data, Options options, Provenance provenance) {
        return train(data, options, provenance, TrainingListener.NONE);
    }

    /**
     * As {@link #train(List, Options, Provenance)}, reporting each stage and calibration fold to {@code listener};
     * throws {@link java.util.concurrent.CancellationException} at the next step once the listener says cancelled.
     */
    public EmbeddedModel train(List<LabeledPost> data, Options options, Provenance provenance, TrainingListener listener) {
        if (data.size() < 2 * options.calibrationFolds())
            throw new IllegalArgumentException("need at least " + 2 * options.calibrationFolds() + " labeled posts to train, got " + data.size());
        PostTraits traits = new PostTraits(lexicon);
        List<PostInput> posts = data.stream().map(LabeledPost::post).toList();
        int[] y = labels(data);
        for (int k = 0; k < 3; k++) {
            int count = 0;
            for (int v : y) if (v == k) count++;
            if (count < options.calibrationFolds()) throw new IllegalArgumentException("need at least " + options.calibrationFolds()
                    + " posts of each label; " + SentimentLabel.ofIndex(k).word() + " has " + count);
        }
        listener.at(TrainingProgress.Stage.FEATURES, 1, 1, 0);
        TextEncoder encoder = options.text().encoder() == null ? null : encoders.find(options.text().encoder());
        List<NgramTextModel.Prepared> prepared = NgramTextModel.prepare(posts, traits, options.text(), encoder);
        double[][] oof = new double[posts.size()][];
        int folds = options.calibrationFolds(), done = 0;
        for (int[] heldOut : StratifiedFolds.split(y, folds, options.seed())) {
            listener.at(TrainingProgress.Stage.CALIBRATION_FOLD, ++done, folds, FOLDS_FROM + (FOLDS_TO - FOLDS_FROM) * (done - 1) / folds);
            int[] rest = StratifiedFolds.complement(posts.size(), heldOut);
            NgramTextModel fold = NgramTextModel.trainPrepared(pick(prepared, rest), pick(y, rest), traits, options.text(), encoder);
            for (int i : heldOut) oof[i] = fold.probabilities(prepared.get(i));
        }
        ProbabilityCalibrator calibrator = ProbabilityCalibrator.fit(oof, y, options.classOffsets());
        listener.at(TrainingProgress.Stage.TEXT_MODEL, 1, 1, FOLDS_TO);
        NgramTextModel text = NgramTextModel.trainPrepared(prepared, y, traits, options.text(), encoder);
        ImagePart image = trainImage(posts, y, options, listener);
        listener.at(TrainingProgress.Stage.FUSION, 1, 1, 0.97);
        List<FusionLearner.Example> examples = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            if (image.outOfFold()[i] != null)
                examples.add(new FusionLearner.Example(calibrator.calibrate(oof[i]), image.outOfFold()[i], y[i]));
        }
        FusionLearner.Outcome fusion = FusionLearner.learn(examples, FusionWeights.prototype());
        ModelMetadata metadata = metadata(data, options, provenance, text, fusion, image.readable(), traitsHash(prepared));
        listener.progress(new TrainingProgress("", TrainingProgress.Stage.DONE, 1, 1, 1));
        return new EmbeddedModel(metadata, text, calibrator, images, new SignalFusion(fusion.weights()), image.classifier());
    }

    /** The image classifier (null below the minimum) and its out-of-fold probabilities per post (null where none). */
    private record ImagePart(LinearClassifier classifier, double[][] outOfFold, int readable) {}

    /**
     * Trains the image classifier on the thumbnails' colour features when enough labeled posts have a readable
     * one; its out-of-fold probabilities are what the fusion weights are learned from.
     */
    private static ImagePart trainImage(List<PostInput> posts, int[] y, Options options, TrainingListener listener) {
        double[][] oof = new double[posts.size()][];
        List<Integer> rows = new ArrayList<>();
        List<SparseVector> x = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).image() == null) continue;
            ThumbnailFeatures.Result r = ThumbnailFeatures.read(posts.get(i).image());
            if (r.status() != ImageStatus.USED) continue;
            rows.add(i);
            x.add(SparseVector.dense(r.features()));
        }
        int[] yy = rows.stream().mapToInt(i -> y[i]).toArray();
        int[] counts = new int[3];
        for (int v : yy) counts[v]++;
        boolean enough = rows.size() >= FusionLearner.MINIMUM_POSTS
                && Math.min(counts[0], Math.min(counts[1], counts[2])) >= options.calibrationFolds();
        if (!enough) return new ImagePart(null, oof, rows.size());
        int dim = ThumbnailFeatures.NAMES.size();
        int folds = options.calibrationFolds(), done = 0;
        for (int[] heldOut : StratifiedFolds.split(yy, folds, options.seed())) {
            listener.at(TrainingProgress.Stage.IMAGE_FOLD, ++done, folds, IMAGE_FROM + (0.95 - IMAGE_FROM) * (done - 1) / folds);
            int[] rest = StratifiedFolds.complement(yy.length, heldOut);
            LinearClassifier fold = LinearClassifier.train(pick(x, rest), pick(yy, rest), dim, IMAGE_C, true);
            for (int k : heldOut) oof[rows.get(k)] = fold.probabilities(x.get(k));
        }
        listener.at(TrainingProgress.Stage.IMAGE_MODEL, 1, 1, 0.95);
        return new ImagePart(LinearClassifier.train(x, yy, dim, IMAGE_C, true), oof, rows.size());
    }

    /**
     * A hash of every training post's traits: the lexicon is not in the model files, so a model trained with another
     * lexicon (same data, same options) must still get another id, or its predictions would mix with this one's.
     */
    private static String traitsHash(List<NgramTextModel.Prepared> prepared) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(prepared.size() * PostTraits.NAMES.size() * Double.BYTES);
        for (NgramTextModel.Prepared p : prepared) for (double v : p.traits()) b.putDouble(v);
        return LabeledPostsFile.sha256(b.array());
    }

    private static ModelMetadata metadata(List<LabeledPost> data, Options options, Provenance p, NgramTextModel text,
                                          FusionLearner.Outcome fusion, int withImages, String traitsHash) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SentimentLabel l : SentimentLabel.values()) counts.put(l.word(), 0);
        for (LabeledPost lp : data) counts.merge(lp.label().word(), 1, Integer::sum);
        List<String> features = new ArrayList<>();
        features.add("tfidf word n-grams " + options.text().ngrams().wordMin() + "-" + options.text().ngrams().wordMax());
        features.add("tfidf char n-grams " + options.text().ngrams().charMin() + "-" + options.text().ngrams().charMax());
        if (options.text().subjectTerms()) features.add("tfidf subject words (again, as their own terms)");
        if (text.encoder() != null) features.add("sentence encoder " + text.encoder().name() + " ("
                + text.encoder().dimension() + " dimensions, mean-pooled, unit length, weight " + options.text().encoderWeight() + ")");
        features.add("vocabulary size " + text.vocabularySize());
        features.addAll(PostTraits.NAMES);
        ThumbnailFeatures.NAMES.forEach(n -> features.add("image " + n + " (image classifier, when trained)"));
        String id = "embedded-" + LabeledPostsFile.sha256((p.sha256() + options.describe() + traitsHash).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return new ModelMetadata(ModelMetadata.FORMAT, id, EmbeddedModel.KIND, p.createdAt().toString(), p.command(),
                new ModelMetadata.Training(p.source(), p.sha256(), data.size(), counts, withImages, TrainingPostIds.of(data)),
                features, options.describe(), fusion.weights(), fusion.source(), null);
    }

    static int[] labels(List<LabeledPost> data) {
        int[] y = new int[data.size()];
        for (int i = 0; i < y.length; i++) y[i] = data.get(i).label().index();
        return y;
    }

    static <T> List<T> pick(List<T> all, int[] idx) {
        List<T> out = new ArrayList<>(idx.length);
        for (int i : idx) out.add(all.get(i));
        return out;
    }

    static int[] pick(int[] all, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = all[idx[i]];
        return out;
    }
}
