package com.bizcharts.cli;

import com.bizcharts.learn.drift.DriftWatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts learn drift}: checks the active model for error-rate and vocabulary drift. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Check the model for drift (ADWIN over its errors on new human labels, and new vocabulary).")
final class LearnDriftCommand implements Callable<Integer> {

    @ParentCommand
    LearnCommand learn;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "ID", description = "model id (default: the active model)")
    String model;

    @Option(names = "--days", defaultValue = "7", description = "how far back 'recent posts' reach (default ${DEFAULT-VALUE})")
    int days;

    @Override
    public Integer call() {
        if (days < 1) throw new IllegalArgumentException("--days must be at least 1");
        var engine = learn.root.engine();
        String id = model != null ? model : engine.scoring().activeModel().id(); // the shipped default when nothing else is active
        DriftWatch.Report r = engine.training().driftWatch().check(id, Duration.ofDays(days));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "model %s: %d human labels after its predictions, error rate %.3f%n",
                id, r.comparedLabels(), r.errorRate());
        r.errorDrift().ifPresentOrElse(
                d -> out.printf(Locale.ROOT, "error-rate drift: detected at label %d of %d, error rate %.3f before, %.3f now%n",
                        d.detectedAtLabel(), d.labelsSeen(), d.errorRateBefore(), d.errorRateNow()),
                () -> out.println("error-rate drift: none"));
        var v = r.vocabulary();
        out.printf(Locale.ROOT, "vocabulary: %.1f%% of %d recent words unknown (threshold %.1f%%)%s%n",
                100 * v.unknownShare(), v.tokens(), 100 * v.threshold(), v.drifted() ? ": DRIFT" : "");
        if (!v.newTerms().isEmpty()) {
            out.println("new terms: " + String.join(", ", v.newTerms().stream()
                    .map(t -> t.term() + " (" + t.count() + ")").toList()));
        }
        out.println(r.retrainSuggested() ? "retrain suggested: run 'bizcharts learn retrain'" : "no retrain needed");
        return 0;
    }
}
