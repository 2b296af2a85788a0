package com.bizcharts.collect.live;

import com.bizcharts.collect.http.PoliteFetcher;
import com.bizcharts.collect.http.TimeSource;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What the live scraper needs from the settings, without depending on the app layer.
 *
 * @param maxBackoff the longest wait between polls after repeated failures
 */
public record LiveConfig(URI apiBase, URI imagesBase, String board, Duration pollInterval, Duration maxBackoff,
                         boolean downloadThumbnails, Path imagesDir) {

    private static final Pattern BOARD = Pattern.compile("[a-z0-9]{1,16}");

    public LiveConfig {
        if (board == null || !BOARD.matcher(board).matches()) {
            throw new IllegalArgumentException("board must be 1-16 lowercase letters or digits, got: " + board);
        }
        if (pollInterval.compareTo(Duration.ofSeconds(10)) < 0) {
            // 4chan's API rules ask for at least 10 s between updates of the same resource.
            throw new IllegalArgumentException("poll interval must be at least 10 seconds, got " + pollInterval.toSeconds());
        }
    }

    /** Wires parser, store, thumbnails, poller and service; the fetcher is the one shared by all 4chan requests. */
    public LiveScraper newScraper(PoliteFetcher fourchan, Database db, ThreadRepository threads, TimeSource time) {
        CatalogStore store = new CatalogStore(db, threads);
        ThumbnailDownloader thumbs = downloadThumbnails
                ? new ThumbnailDownloader(fourchan, imagesBase, board, imagesDir) : null;
        CatalogPoller poller = new CatalogPoller(fourchan, new CatalogParser(board, imagesBase), store, thumbs,
                apiBase, board, time);
        return new LiveScraper(poller, store, board, pollInterval, maxBackoff, time);
    }

    public LiveConfig withoutThumbnails() {
        return new LiveConfig(apiBase, imagesBase, board, pollInterval, maxBackoff, false, imagesDir);
    }
}
