package com.bizcharts.app;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.PoliteFetcher;
import com.bizcharts.collect.http.TimeSource;
import com.bizcharts.collect.live.LiveConfig;
import com.bizcharts.collect.live.LiveScraper;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;

import java.nio.file.Path;

/**
 * The composition root: builds the engine once, from settings, for the GUI and the CLI alike. Parts are wired by
 * constructor; nothing here is a static singleton.
 */
public final class Engine implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private final ThreadRepository threads;
    private final PoliteFetcher fourchanFetcher;
    private final LiveConfig liveConfig;
    private final LiveScraper liveScraper;

    public Engine(Settings settings) {
        this.settings = settings;
        this.database = Database.open(settings.paths().databasePath());
        this.threads = new ThreadRepository(database);
        this.fourchanFetcher = fourchanFetcher(settings);
        this.liveConfig = liveConfig(settings);
        this.liveScraper = liveConfig.newScraper(fourchanFetcher, database, threads, TimeSource.SYSTEM);
    }

    public Settings settings() { return settings; }

    public Database database() { return database; }

    public ThreadRepository threads() { return threads; }

    public Path imagesDir() { return settings.paths().imagesPath(); }

    /** The one fetcher for every 4chan request (API and images share its 1 request/s limit). */
    public PoliteFetcher fourchanFetcher() { return fourchanFetcher; }

    public LiveConfig liveConfig() { return liveConfig; }

    /** The live catalog service the GUI starts and stops. */
    public LiveScraper liveScraper() { return liveScraper; }

    private static PoliteFetcher fourchanFetcher(Settings s) {
        Settings.FourChanSettings f = s.fourchan();
        return PoliteFetcher.create(f.minRequestInterval(), backoff(s), f.userAgent(), f.requestTimeout());
    }

    private static LiveConfig liveConfig(Settings s) {
        Settings.FourChanSettings f = s.fourchan();
        return new LiveConfig(f.apiUri(), f.imagesUri(), f.board(), f.pollInterval(), s.backoff().max(),
                f.downloadThumbnails(), s.paths().imagesPath());
    }

    static Backoff backoff(Settings s) {
        return new Backoff(s.backoff().initial(), s.backoff().max(), s.backoff().maxAttempts());
    }

    @Override
    public void close() {
        liveScraper.stop();
        try {
            // The write in flight must finish before the database closes under it.
            liveScraper.awaitStopped(java.time.Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
