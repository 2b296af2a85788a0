package com.bizcharts.learn.models;

import com.bizcharts.learn.eval.CrossValidation;
import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingListener;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.store.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains a new embedded model from the database's human labels the way {@code train --cv K} does (the same
 * trainer, options, sentence encoder when installed, and text-only cross-validation, so the figures match the
 * command line), saves it under the
 * models folder and registers it without activating it. Progress covers the K cross-validation trainings and the
 * final one; a cancel stops at the next step and leaves neither files nor a registry row.
 */
public final class ModelTrainer {

    /** @param crossValidation null when there were too few labels per class to cross-validate (see {@code note}) */
    public record Result(RegisteredModel model, Path directory, EvaluationReport crossValidation, int posts, Duration took,
                         String note) {}

    private final Database db;
    private final Path imagesDir;
    private final Path modelsDir;
    private final SentimentSignals signals;
    private final ModelRegistry registry;
    private final Clock clock;

    public ModelTrainer(Database db, Path imagesDir, Path modelsDir, SentimentSignals signals, ModelRegistry registry, Clock clock) {
        this.db = db;
        this.imagesDir = imagesDir;
        this.modelsDir = modelsDir;
        this.signals = signals;
        this.registry = registry;
        this.clock = clock;
    }

    /** @param folds cross-validation folds (0: none) */
    public Result train(int folds, long seed, TrainingListener listener) {
        long t0 = System.nanoTime();
        TrainingSet set = TrainingSet.fromDatabase(db, imagesDir);
        List<LabeledPost> posts = set.posts();
        EmbeddedTrainer.Options base = EmbeddedTrainer.Options.standard();
        // The shipped recipe (no sentence encoder, as `train` and models/default): the encoder's ~+0.01 does not pay
        // for 15x slower scoring; docs/model.md has the figures.
        EmbeddedTrainer.Options options = new EmbeddedTrainer.Options(base.text(), base.calibrationFolds(), base.classOffsets(), seed);
        EmbeddedTrainer trainer = new EmbeddedTrainer(signals.lexicon(), signals.images());
        String command = "workstation: Train new model (database labels" + (folds > 0 ? ", " + folds + "-fold cross-validation" : "")
                + ", sentence encoder none)";

        String note = folds > 0 ? whyNoCrossValidation(posts, folds, options.calibrationFolds()) : "cross-validation not asked for";
        EvaluationReport report = null;
        int parts = note == null ? folds + 1 : 1;
        if (note == null) {
            AtomicInteger fold = new AtomicInteger();
            report = CrossValidation.run(posts, folds, seed, CrossValidation.ofProbabilities(train -> {
                int k = fold.incrementAndGet();
                EmbeddedModel m = trainer.train(train, options, set.provenance(command, Instant.EPOCH),
                        listener.part("cross-validation fold " + k + "/" + folds, (k - 1) / (double) parts, k / (double) parts));
                return p -> m.textProbabilities(p.post());
            }));
        }
        EmbeddedModel model = trainer.train(posts, options, set.provenance(command, clock.instant()),
                listener.part(note == null ? "final model" : "model", (parts - 1) / (double) parts, 1));
        if (report != null) {
            var metrics = report.toJson();
            metrics.put("folds", folds);
            metrics.put("seed", seed);
            metrics.put("evaluated_on", folds + "-fold cross-validation on " + posts.size() + " database labels");
            model = model.withMetadata(model.metadata().withMetrics(metrics));
        }
        Path dir = modelsDir.resolve(model.id()).toAbsolutePath().normalize();
        EmbeddedModelFormat.save(model, dir);
        RegisteredModel row = registry.register(model.metadata(), dir.toString());
        return new Result(row, dir, report, posts.size(), Duration.ofNanos(System.nanoTime() - t0), note);
    }

    /**
     * Null when every cross-validation training set still has enough of each label for the trainer's own
     * calibration folds; else why not. Folds are dealt round-robin, so a fold holds at most ceil(n/K) of a label.
     */
    static String whyNoCrossValidation(List<LabeledPost> posts, int folds, int calibrationFolds) {
        int[] counts = new int[3];
        for (LabeledPost p : posts) counts[p.label().index()]++;
        int least = Math.min(counts[0], Math.min(counts[1], counts[2]));
        if (least - (least + folds - 1) / folds >= calibrationFolds) return null;
        return "too few labels for " + folds + "-fold cross-validation (the rarest label has " + least + "): no accuracy recorded";
    }
}
