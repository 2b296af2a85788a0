package com.bizcharts.app;

import com.bizcharts.coins.CoinMentionRepository;
import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.collect.http.RequestPacer;
import com.bizcharts.collect.live.CatalogPoller;
import com.bizcharts.collect.live.LiveScraper;
import com.bizcharts.collect.live.ThumbnailStore;
import com.bizcharts.collect.warosu.WarosuImporter;
import com.bizcharts.store.Coverage;
import com.bizcharts.store.Database;
import com.bizcharts.store.PostChanges;
import com.bizcharts.store.StoreStats;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.retention.Maintenance;
import com.bizcharts.store.retention.RetentionPolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What collects and keeps the board: the live scraper, Warosu imports, the posts stored, retention and coverage. A
 * feature service built by the {@link Engine}: it owns the collectors and hands them to commands and view-models.
 */
public final class Collecting {

    private final Settings settings;
    private final Database database;
    private final ThreadRepository threads;
    private final CoinMentionRepository coinMentions;
    private final Backoff backoff;
    private final Clock clock;
    private final CatalogPoller catalogPoller;
    private final LiveScraper liveScraper;
    private final com.bizcharts.collect.live.FullImages fullImages;

    Collecting(Settings settings, Database database, ThreadRepository threads, CoinMentionRepository coinMentions,
               Backoff backoff, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.threads = threads;
        this.coinMentions = coinMentions;
        this.backoff = backoff;
        this.clock = clock;
        var fc = settings.fourchan();
        // One pace for the API and the image host together: 4chan's rule is one request per second in all.
        PoliteHttp fourchanHttp = new PoliteHttp(RequestPacer.realTime(fc.minRequestInterval()), backoff, fc.requestTimeout(), fc.userAgent());
        this.catalogPoller = new CatalogPoller(fourchanHttp, fc.apiUri(), fc.imagesUri(), fc.board(), database, threads,
                new ThumbnailStore(fourchanHttp, imagesDir(), fc.thumbnailCap()), coinMentions::recordAndSummarise, clock,
                fc.downloadThumbnails() ? 50 : 0, fc.catalogCap());
        this.liveScraper = new LiveScraper(catalogPoller, fc.pollInterval(), clock);
        // 4chan's largest /biz/ file is 4 MB; twice that is a server sending something else
        this.fullImages = new com.bizcharts.collect.live.FullImages(fourchanHttp, imagesDir(),
                com.bizcharts.collect.http.BodyCap.ofKilobytes("full image", 8192, null));
    }

    /**
     * The post's full image on disk, fetched at 4chan's pace if need be (the label view's F); one-line errors for a
     * post without an image, a video, a server without it.
     */
    public Path fullImage(ThreadOp op) {
        try {
            return fullImages.fetch(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the image of post " + op.threadId());
        } catch (com.bizcharts.collect.http.FetchException | java.io.IOException e) {
            throw new IllegalStateException("could not fetch the image of post " + op.threadId() + ": " + e.getMessage(), e);
        }
    }

    public LiveScraper liveScraper() { return liveScraper; }

    /** The live poller itself, for {@code bench catalog} (parse and store without the network). */
    public CatalogPoller catalogPoller() { return catalogPoller; }

    /**
     * A Warosu importer with its own pace (Warosu asks for gentler use than 4chan: one request per 2 s), fetching
     * thumbnails only when {@code [warosu] download_thumbnails} says so.
     */
    public WarosuImporter warosuImporter() {
        var w = settings.warosu();
        PoliteHttp http = new PoliteHttp(RequestPacer.realTime(w.minRequestInterval()), backoff, w.requestTimeout(),
                settings.fourchan().userAgent());
        return new WarosuImporter(http, w.baseUri(), w.imagesUri(), w.board(), w.pageSize(), database, threads,
                w.downloadThumbnails() ? new ThumbnailStore(http, imagesDir(), w.thumbnailCap()) : null, coinMentions::record,
                clock, w.pageCap());
    }

    /** What the store covers, per source and day (the Collect view's chart, {@code coverage}). */
    public Coverage coverage() { return Coverage.of(database); }

    /** Posts, runs and disk use over the last {@code days} ({@code stats}). */
    public StoreStats storeStats(int days) { return StoreStats.of(database, imagesDir(), days); }

    public Maintenance maintenance() { return new Maintenance(database, imagesDir(), clock); }

    public RetentionPolicy retentionPolicy() {
        var r = settings.retention();
        return new RetentionPolicy(Duration.ofDays(r.fullHtmlDays()), Duration.ofDays(r.threadMetadataDays()),
                Duration.ofDays(r.snapshotsFullDays()), Duration.ofDays(r.snapshotsHourlyDays()),
                r.keepThreadsWithReplies(), Duration.ofDays(r.thumbnailsMaxAgeDays()),
                r.thumbnailsMaxMegabytes() * 1024L * 1024L);
    }

    /**
     * Stores OPs with their coin mentions in one transaction, as an importer does (benchmarks seed their stores
     * with it); the posts are announced to the scoring service.
     */
    public ThreadRepository.UpsertCounts storePosts(List<ThreadOp> ops, Instant seenAt) {
        return database.write(ctx -> {
            var counts = threads.upsert(ctx, ops, seenAt);
            coinMentions.record(ctx, ops);
            return counts;
        });
    }

    /** How many stored threads had their coin mentions extracted again, and the mentions that gives. */
    public record CoinReextraction(int threads, int mentions) {}

    /**
     * Extracts the subject and text coin mentions of every stored thread again, 500 threads per write: after the coin
     * list or the rules changed, since an imported thread is never sighted again. OCR mentions are left as they are.
     */
    public CoinReextraction reextractCoinMentions() {
        int threadCount = 0, mentionCount = 0;
        List<Long> ids;
        for (long after = Long.MIN_VALUE; !(ids = threads.idsAfter(after, 500)).isEmpty(); after = ids.getLast()) {
            List<ThreadOp> ops = threads.findAll(ids);
            var written = database.write(ctx -> coinMentions.record(ctx, ops));
            threadCount += ops.size();
            mentionCount += written.values().stream().mapToInt(List::size).sum();
        }
        return new CoinReextraction(threadCount, mentionCount);
    }

    /** Which posts each commit stored or changed (the label queue takes new posts in from here). */
    public PostChanges postChanges() { return database.postChanges(); }

    public ThreadRepository threads() { return threads; }

    public Path imagesDir() { return settings.paths().imagesPath(); }

    /** Stops the live scraper, letting a poll in flight finish its commit. */
    void stop() {
        try {
            liveScraper.stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
