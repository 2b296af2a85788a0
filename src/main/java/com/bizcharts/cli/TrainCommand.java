package com.bizcharts.cli;

import com.bizcharts.learn.eval.Baselines;
import com.bizcharts.learn.eval.CrossValidation;
import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.sentiment.embedded.MemoizedEncoder;
import com.bizcharts.sentiment.embedded.TextEncoder;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.Locale;

/** {@code train}: trains the embedded model from a labeled JSON-lines file (or the database's labels). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the embedded model on labeled posts and save it as a model directory.")
public final class TrainCommand implements Runnable {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE.jsonl", description = "labeled posts (rating or label per line); default: the database's labels")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model directory to write")
    Path out;

    @Option(names = "--cv", paramLabel = "K", description = "also run K-fold stratified cross-validation and record it in the metadata")
    Integer cv;

    @Option(names = "--baselines", description = "with --cv: also cross-validate the baselines (majority, plain TF-IDF, lexicon alone)")
    boolean baselines;

    @Option(names = "--seed", paramLabel = "N", description = "seed for folds (default ${DEFAULT-VALUE})")
    long seed = EmbeddedTrainer.Options.standard().seed();

    @Option(names = "--encoder", paramLabel = "NAME", description = "sentence encoder appended to the n-grams ("
            + TextEncoder.DEFAULT + ": about +0.01 accuracy and macro-F1 in cross-validation, ~15x slower scoring), "
            + "or 'none' (default, as models/default)")
    String encoder = "none";

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        TrainingSet input = data != null ? TrainingSet.fromFile(data)
                : root.engine().training().trainingSetFromDatabase();
        List<LabeledPost> posts = input.posts();
        EmbeddedTrainer.Options base = EmbeddedTrainer.Options.standard();
        EmbeddedTrainer.Options options = new EmbeddedTrainer.Options(base.text(), base.calibrationFolds(), base.classOffsets(), seed)
                .withEncoder("none".equalsIgnoreCase(encoder) ? null : encoder);
        // Folds see the same posts again and again: encode each text once for the whole command.
        EmbeddedTrainer trainer = new EmbeddedTrainer(root.signals().lexicon(), root.signals().images(),
                MemoizedEncoder.over(root.signals().encoders()));

        EvaluationReport report = null;
        if (cv != null) {
            long t0 = System.nanoTime();
            report = CrossValidation.run(posts, cv, seed, CrossValidation.ofProbabilities(train -> {
                EmbeddedModel m = trainer.train(train, options, input.provenance(command(), Instant.EPOCH));
                return p -> m.textProbabilities(p.post());
            }));
            w.printf(Locale.ROOT, "%d-fold cross-validation (stratified, seed %d, %.1f s)%n%s%n", cv, seed,
                    (System.nanoTime() - t0) / 1e9, report.toText());
            if (baselines) printBaselines(w, posts, report);
        }
        long t0 = System.nanoTime();
        EmbeddedModel model = trainer.train(posts, options, input.provenance(command(), Instant.now()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (report != null) {
            var metrics = report.toJson();
            metrics.put("folds", cv);
            metrics.put("seed", seed);
            model = model.withMetadata(model.metadata().withMetrics(metrics));
        }
        EmbeddedModelFormat.save(model, out);
        w.printf(Locale.ROOT, "trained %s on %d posts in %.1f s -> %s%n", model.id(), posts.size(), seconds, out);
    }

    private void printBaselines(PrintWriter w, List<LabeledPost> posts, EvaluationReport model) {
        var lexicon = root.signals().lexicon();
        Map<String, ToDoubleFunction<String>> lexicons = new LinkedHashMap<>();
        // with no VADER scores wired (compound always 0) the slang balance stands in for the lexicon's verdict
        lexicons.put("lexicon alone (compound, else slang balance)", t -> {
            var r = lexicon.read(t);
            return r.compound() != 0 ? r.compound() : Math.signum(r.bullishHits() - r.bearishHits()) * 0.5;
        });
        Map<String, EvaluationReport> rows = new LinkedHashMap<>(Baselines.all(posts, cv, seed, lexicons));
        rows.put("embedded model", model);
        w.printf(Locale.ROOT, "%-42s %8s %8s %8s %8s %8s%n", "baselines, same folds", "accuracy", "macroF1", "F1 bear", "F1 neu", "F1 bull");
        rows.forEach((name, r) -> w.printf(Locale.ROOT, "%-42s %8.4f %8.4f %8.4f %8.4f %8.4f%n", name, r.accuracy(),
                r.macroF1(), r.f1(0), r.f1(1), r.f1(2)));
        w.println();
    }

    private String command() {
        StringBuilder sb = new StringBuilder("bizcharts train");
        sb.append(data != null ? " --data " + data : "").append(" --out ").append(out);
        if (cv != null) sb.append(" --cv ").append(cv);
        if (seed != EmbeddedTrainer.Options.standard().seed()) sb.append(" --seed ").append(seed);
        // the encoder changes the model, so the command must say which one it was trained with
        sb.append(" --encoder ").append(encoder);
        return sb.toString();
    }
}
