package com.bizcharts.app;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.SentimentSignals;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.embedded.LexiconReading;
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
    private final SentimentSignals signals;

    public Engine(Settings settings) {
        this.settings = settings;
        this.database = Database.open(settings.paths().databasePath());
        this.threads = new ThreadRepository(database);
        this.signals = signals(settings);
    }

    /** The lexicon and image signals, without opening the database (train and eval from files need no database). */
    public static SentimentSignals signals(Settings settings) {
        return new SentimentSignals(text -> LexiconReading.NONE, image -> ImageReading.absent(ImageStatus.MISSING));
    }

    public SentimentSignals signals() { return signals; }

    public Settings settings() { return settings; }

    public Database database() { return database; }

    public ThreadRepository threads() { return threads; }

    public Path imagesDir() { return settings.paths().imagesPath(); }

    @Override
    public void close() {
        database.close();
    }
}
