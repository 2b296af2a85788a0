package com.bizcharts.cli;

import com.bizcharts.collect.live.LiveScraper;
import com.bizcharts.collect.live.LiveStatus;
import com.bizcharts.collect.live.PollOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code bizcharts live [--once]}: the live catalog scraper in the foreground. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Scrape the live /biz/ catalog: one snapshot with --once, otherwise every poll interval until Ctrl-C.")
final class LiveCommand implements Callable<Integer> {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--once", description = "take one snapshot and exit")
    boolean once;

    @Option(names = "--no-score", description = "store only; do not score the stored posts with the active model")
    boolean noScore;

    @Option(names = "--score-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "with --once: how long to wait for the scoring to finish (default ${DEFAULT-VALUE}); what is left"
                    + " is scored by the next run, 'score' or the workstation")
    int scoreTimeout;

    @Override
    public Integer call() throws Exception {
        LiveScraper scraper = root.engine().collecting().liveScraper();
        PrintWriter out = spec.commandLine().getOut();
        // Scoring runs beside the scraper, so what a server stores is on the index without a separate 'score'.
        CliScoring scoring = noScore ? null : CliScoring.start(root.engine(), out);
        try {
            return once ? once(scraper, out, scoring, Duration.ofSeconds(Math.max(1, scoreTimeout))) : continuous(scraper, out);
        } finally {
            if (scoring != null) scoring.close();
        }
    }

    private static int once(LiveScraper scraper, PrintWriter out, CliScoring scoring, Duration timeout) throws Exception {
        PollOutcome o = scraper.pollOnce();
        out.println(describe(o));
        if (scoring != null) scoring.finish(timeout);
        return o.kind() == PollOutcome.Kind.MALFORMED || o.kind() == PollOutcome.Kind.SUSPICIOUS ? 1 : 0;
    }

    private int continuous(LiveScraper scraper, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        scraper.addListener(s -> {
            if (s.state() == LiveStatus.State.WAITING || s.state() == LiveStatus.State.BACKING_OFF) {
                out.println(s.lastOutcome() == null || s.state() == LiveStatus.State.BACKING_OFF
                        ? "poll failed: " + s.lastError() + " (next poll " + s.nextPoll() + ")"
                        : describe(s.lastOutcome()) + " (next poll " + s.nextPoll() + ")");
            }
            if (s.state() == LiveStatus.State.STOPPED) stopped.countDown();
        });
        // Ctrl-C: let the poll in flight finish its write, then exit.
        Thread hook = new Thread(() -> {
            try {
                scraper.stop(Duration.ofSeconds(30));
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "live-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        scraper.start();
        out.println("live scraper started; Ctrl-C stops it after the write in flight");
        stopped.await();
        return 0;
    }


    static String describe(PollOutcome o) {
        return switch (o.kind()) {
            case CHANGED -> "catalog: %d threads (%d new, %d updated), %d thumbnails saved"
                    .formatted(o.threads(), o.newThreads(), o.updatedThreads(), o.thumbnailsSaved());
            case NOT_MODIFIED -> "catalog not modified since the last poll";
            case GONE -> "catalog not found: " + o.message();
            case MALFORMED -> "catalog rejected, nothing stored: " + o.message();
            case SUSPICIOUS -> "catalog not stored: " + o.message();
        };
    }
}
