package com.bizcharts.app;

import com.bizcharts.collect.live.CatalogPoller;
import com.bizcharts.collect.live.LiveScraper;
import com.bizcharts.collect.warosu.WarosuImporter;
import com.bizcharts.store.retention.Maintenance;
import com.bizcharts.store.retention.RetentionPolicy;
import com.bizcharts.store.ThreadRepository;
import java.nio.file.Path;
import java.util.List;

/**
 * What collects and keeps the board: the live scraper, Warosu imports, the posts stored, retention and coverage. A
 * feature service of the engine: commands and view-models take it, not the engine's parts.
 */
public final class Collecting {

    private final Engine engine;

    Collecting(Engine engine) {
        this.engine = engine;
    }

    public LiveScraper liveScraper() { return engine.liveScraper(); }

    public WarosuImporter warosuImporter() { return engine.warosuImporter(); }

    public CatalogPoller catalogPoller() { return engine.catalogPoller(); }

    public com.bizcharts.store.Coverage coverage() { return engine.coverage(); }

    public com.bizcharts.store.StoreStats storeStats(int days) { return engine.storeStats(days); }

    public Maintenance maintenance() { return engine.maintenance(); }

    public RetentionPolicy retentionPolicy() { return engine.retentionPolicy(); }

    public com.bizcharts.store.ThreadRepository.UpsertCounts storePosts(List<com.bizcharts.store.ThreadOp> ops, java.time.Instant seenAt) { return engine.storePosts(ops, seenAt); }

    public com.bizcharts.store.PostChanges postChanges() { return engine.postChanges(); }

    public ThreadRepository threads() { return engine.threads(); }

    public Path imagesDir() { return engine.imagesDir(); }
}
