package com.bizcharts.app;

import com.bizcharts.learn.drift.DriftWatch;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.teacher.TeacherLabelRepository;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.MODELS;

/**
 * The composition root: builds the engine once, from settings, for the GUI and the CLI alike. Parts are wired by
 * constructor; nothing here is a static singleton.
 */
public final class Engine implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private final ThreadRepository threads;
    private final Clock clock = Clock.systemUTC();
    private final DriftWatch driftWatch;
    private final GoldenSet goldenSet;
    private final TeacherLabelRepository teacherLabels;

    public Engine(Settings settings) {
        this.settings = settings;
        this.database = Database.open(settings.paths().databasePath());
        this.threads = new ThreadRepository(database);
        this.driftWatch = new DriftWatch(database, clock);
        this.goldenSet = new GoldenSet(database, clock);
        this.teacherLabels = new TeacherLabelRepository(database);
    }

    public Settings settings() { return settings; }

    public Database database() { return database; }

    public ThreadRepository threads() { return threads; }

    public Clock clock() { return clock; }

    public DriftWatch driftWatch() { return driftWatch; }

    public GoldenSet goldenSet() { return goldenSet; }

    public TeacherLabelRepository teacherLabels() { return teacherLabels; }

    /** The id of the model marked active in the registry, if any. */
    public Optional<String> activeModelId() {
        return database.read().select(MODELS.MODEL_ID).from(MODELS).where(MODELS.ACTIVE.eq(1L)).fetchOptional(r -> r.value1());
    }

    public Path imagesDir() { return settings.paths().imagesPath(); }

    @Override
    public void close() {
        database.close();
    }
}
