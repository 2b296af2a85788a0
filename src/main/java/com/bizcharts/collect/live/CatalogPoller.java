package com.bizcharts.collect.live;

import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.FetchResult;
import com.bizcharts.collect.http.PoliteFetcher;
import com.bizcharts.collect.http.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One poll of {@code {api}/{board}/catalog.json}: a conditional GET, then (only if it changed) parse, store in one
 * transaction, then fetch the thumbnails not yet on disk. A failure is counted on the run and thrown; nothing partial
 * is stored and the remembered {@code Last-Modified} stays as it was, so the next poll simply tries again.
 */
public final class CatalogPoller {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogPoller.class);

    /** Runs the database write; the service wraps it so that a stop request cannot interrupt it. */
    public interface WriteSection {
        <T> T run(Supplier<T> write);

        WriteSection DIRECT = Supplier::get;
    }

    /** What a poll did. {@code changed} is false for a 304. */
    public record PollResult(boolean changed, int threadsNew, int threadsUpdated, int totalThreads, int thumbnailsSaved) {}

    private final PoliteFetcher fetcher;
    private final CatalogParser parser;
    private final CatalogStore store;
    private final ThumbnailDownloader thumbnails;
    private final URI catalogUri;
    private final TimeSource time;
    private volatile String lastModified;

    /** @param thumbnails null to skip thumbnail downloads */
    public CatalogPoller(PoliteFetcher fetcher, CatalogParser parser, CatalogStore store, ThumbnailDownloader thumbnails,
                         URI apiBase, String board, TimeSource time) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.store = store;
        this.thumbnails = thumbnails;
        this.catalogUri = URI.create(apiBase + "/" + board + "/catalog.json");
        this.time = time;
        this.lastModified = store.lastModified().orElse(null);
    }

    public URI catalogUri() {
        return catalogUri;
    }

    public PollResult poll(long runId, WriteSection section, BooleanSupplier stopRequested) throws InterruptedException {
        FetchResult result;
        List<CatalogThread> catalog;
        try {
            result = fetcher.get(catalogUri, lastModified);
            if (result.outcome() == FetchResult.Outcome.NOT_FOUND) {
                throw new FetchException(catalogUri, "catalog not found (HTTP 404)", null);
            }
            if (result.outcome() == FetchResult.Outcome.NOT_MODIFIED) {
                store.recordPoll(runId, result.attempts(), null);
                return new PollResult(false, 0, 0, 0, 0);
            }
            catalog = parser.parse(result.body());
        } catch (FetchException | MalformedCatalogException e) {
            store.recordPoll(runId, 1, e.getMessage());
            throw e;
        }
        Instant at = time.now();
        String newLastModified = result.lastModified();
        CatalogStore.Stored stored = section.run(
                () -> store.storeCatalog(runId, catalog, at, newLastModified, result.attempts()));
        lastModified = newLastModified;
        int saved = thumbnails == null ? 0 : downloadThumbnails(catalog, stopRequested);
        return new PollResult(true, stored.threadsNew(), stored.threadsUpdated(), stored.totalThreads(), saved);
    }

    private int downloadThumbnails(List<CatalogThread> catalog, BooleanSupplier stopRequested) throws InterruptedException {
        Map<Long, String> paths = new LinkedHashMap<>();
        int downloaded = 0;
        try {
            for (CatalogThread t : catalog) {
                if (t.tim() == null || stopRequested.getAsBoolean()) continue;
                boolean present = thumbnails.isPresent(t.tim());
                Optional<String> path = thumbnails.download(t.tim());
                if (path.isPresent()) {
                    paths.put(t.op().threadId(), path.get());
                    if (!present) downloaded++;
                }
            }
        } finally {
            // Even when stopped midway, remember the files that did arrive.
            store.setThumbnailPaths(paths);
        }
        if (downloaded > 0) LOG.info("saved {} thumbnails", downloaded);
        return downloaded;
    }
}
