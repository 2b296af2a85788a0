package com.bizcharts.cli;

import com.bizcharts.sentiment.scoring.ScoringService;
import com.bizcharts.sentiment.scoring.ScoringStatus;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The scoring service as the command line shows it: started with the command, its progress printed at most every
 * few seconds, and at the end a line saying what was scored and what is still waiting. {@code live}, {@code warosu}
 * and {@code score} print the same words the window's status bar shows.
 */
final class CliScoring implements AutoCloseable {

    private static final long PRINT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final ScoringService service;
    private final PrintWriter out;
    private final Consumer<ScoringStatus> printer;
    private final long scoredBefore, failedBefore;
    private volatile long lastPrint;
    private volatile String lastFailure;

    private CliScoring(ScoringService service, PrintWriter out) {
        this.service = service;
        this.out = out;
        this.scoredBefore = service.status().scored();
        this.failedBefore = service.status().failed();
        this.printer = s -> {
            long now = System.nanoTime();
            boolean progress = s.state() == ScoringStatus.State.RESCORING && now - lastPrint >= PRINT_EVERY_NANOS;
            // a failure that keeps recurring is said once per reason, not on every retry
            boolean failure = s.state() == ScoringStatus.State.FAILED && !java.util.Objects.equals(s.lastError(), lastFailure);
            if (failure) lastFailure = s.lastError();
            if (progress || failure) {
                lastPrint = now;
                synchronized (out) {
                    out.println(s.describe());
                    out.flush();
                }
            }
        };
    }

    /**
     * Starts the engine's services (the scorer and the watch on the active model, so a model activated in another
     * shell takes over here too) and follows the scorer.
     */
    static CliScoring start(com.bizcharts.app.Engine engine, PrintWriter out) {
        CliScoring c = new CliScoring(engine.scoring().service(), out);
        engine.scoring().service().onStatus(c.printer);
        engine.startServices();
        return c;
    }

    /** Waits until everything stored so far is scored (or {@code timeout}), then prints what was done. */
    boolean finish(Duration timeout) throws InterruptedException {
        boolean settled = service.awaitIdle(timeout);
        out.println(summary(settled));
        return settled;
    }

    String summary(boolean settled) {
        ScoringStatus s = service.status();
        long scored = s.scored() - scoredBefore, failed = s.failed() - failedBefore;
        return String.format(Locale.ROOT, "scored %,d posts with %s%s; %s", scored, s.modelId(),
                failed > 0 ? " (" + failed + " could not be scored: see the log)" : "",
                settled ? "all stored posts are scored" : String.format(Locale.ROOT,
                        "%,d still waiting (the next run, 'score' or the workstation goes on with them)", s.waiting()));
    }

    @Override
    public void close() {
        service.removeListeners(printer, null);
        service.close();
    }
}
