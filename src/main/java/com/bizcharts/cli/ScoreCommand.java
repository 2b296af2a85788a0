package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        SentimentModel model = engine.scoring().activeModel().get().model();
        PrintWriter w = spec.commandLine().getOut();
        if (model instanceof EmbeddedModel embedded) {
            List<String> signals = new ArrayList<>(List.of("text", "image"));
            embedded.signals().forEach(src -> signals.add(src.signal().word()));
            w.printf(Locale.ROOT, "signals: %s%n", String.join(", ", signals));
        }
        engine.scoring().service().configure(batch, threads);
        long t0 = System.nanoTime();
        try (CliScoring scoring = CliScoring.start(engine, w)) {
            scoring.finish(Duration.ofDays(7));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scoring interrupted; run 'score' again to go on where it stopped");
        }
        double s = (System.nanoTime() - t0) / 1e9;
        var coverage = engine.scoring().predictions().coverage(model.id());
        w.printf(Locale.ROOT, "%d predictions from %s in the database (%.1f s)%s%n", coverage.scored(), model.id(), s,
                coverage.failed() > 0 ? "; " + coverage.failed() + " posts could not be scored (score_failures)" : "");
    }
}
