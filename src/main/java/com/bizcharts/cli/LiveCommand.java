package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.http.TimeSource;
import com.bizcharts.collect.live.CatalogPoller;
import com.bizcharts.collect.live.LiveScraper;
import com.bizcharts.collect.live.ScraperStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code live [--once]}: polls the 4chan catalog into the store, once or until Ctrl-C. */
@Command(name = "live", description = "Scrape the live 4chan catalog (one snapshot with --once, else until Ctrl-C).")
public final class LiveCommand implements Callable<Integer> {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--once", description = "take one snapshot and exit")
    boolean once;

    @Option(names = "--no-thumbnails", description = "do not download thumbnails")
    boolean noThumbnails;

    @Override
    public Integer call() throws Exception {
        Engine engine = root.engine();
        PrintWriter out = spec.commandLine().getOut();
        LiveScraper scraper = noThumbnails
                ? engine.liveConfig().withoutThumbnails().newScraper(engine.fourchanFetcher(), engine.database(),
                        engine.threads(), TimeSource.SYSTEM)
                : engine.liveScraper();
        if (once) {
            out.println(describe(scraper.pollOnce()));
            return 0;
        }
        scraper.addListener(status -> out.println(describe(status)));
        Thread hook = new Thread(() -> {
            scraper.stop();
            try {
                scraper.awaitStopped(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "live-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("polling " + engine.liveConfig().apiBase() + "/" + engine.liveConfig().board()
                + "/catalog.json every " + engine.liveConfig().pollInterval().toSeconds() + " s; Ctrl-C stops");
        try {
            scraper.start();
            scraper.awaitStopped(Duration.ofDays(3650));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and finishes the write in flight.
            }
        }
        ScraperStatus last = scraper.status();
        return last.state() == ScraperStatus.State.FAILED ? 1 : 0;
    }

    static String describe(CatalogPoller.PollResult r) {
        if (!r.changed()) return "catalog not modified since the last poll";
        return "catalog stored: " + r.totalThreads() + " threads (" + r.threadsNew() + " new, " + r.threadsUpdated()
                + " updated), " + r.thumbnailsSaved() + " thumbnails saved";
    }

    private static String describe(ScraperStatus s) {
        return switch (s.state()) {
            case IDLE -> "poll " + s.polls() + ": " + s.lastNew() + " new, " + s.lastUpdated() + " updated; next at "
                    + s.nextPollAt();
            case BACKING_OFF -> "poll " + s.polls() + " failed: " + s.lastError() + "; retry at " + s.nextPollAt();
            case FAILED -> "failed: " + s.lastError();
            case POLLING -> "polling...";
            case STOPPED -> "stopped";
        };
    }
}
