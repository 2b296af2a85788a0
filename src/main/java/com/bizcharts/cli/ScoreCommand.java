package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.scoring.BatchScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code score}: predictions for every post the active model has not scored yet. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score every post without a prediction from the active model (all of them after activating another model).")
public final class ScoreCommand implements Runnable {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", paramLabel = "N", description = "posts per batch (default ${DEFAULT-VALUE})")
    int batch = 256;

    @Option(names = "--threads", paramLabel = "N", description = "scoring threads (default: available processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public void run() {
        Engine engine = root.engine();
        SentimentModel model = engine.modelLoader().active(engine.models());
        if (model instanceof EmbeddedModel embedded && engine.models().find(model.id()).isEmpty()) {
            // the default model scores before anyone registers it; record it so predictions name a known model
            engine.models().register(embedded.metadata(), engine.modelLoader().defaultLocation());
        }
        PrintWriter w = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        BatchScorer.Result r = engine.scorer().scoreAll(model, batch, threads, n -> {});
        double s = (System.nanoTime() - t0) / 1e9;
        w.printf(Locale.ROOT, "scored %d posts with %s in %.1f s%s%n", r.scored(), model.id(), s,
                r.failed() > 0 ? " (" + r.failed() + " failed, see the log)" : "");
        w.printf(Locale.ROOT, "%d predictions from %s in the database%n", engine.predictions().count(model.id()), model.id());
    }
}
