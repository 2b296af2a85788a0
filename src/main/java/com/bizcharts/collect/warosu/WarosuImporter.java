package com.bizcharts.collect.warosu;

import com.bizcharts.collect.http.BodyCap;
import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.FetchResult;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.collect.live.ThumbnailStore;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;


/**
 * Imports historical threads from Warosu, one result page at a time. Each page's threads and the run's progress
 * (pages done, the next offset) are committed in one transaction, so a killed import leaves a consistent
 * database and {@code --continue} resumes the interrupted run at the page after the last committed one, first
 * fetching the thumbnails the kill left missing. Threads already in the store (from the live scraper or an earlier
 * import) merge; they are never duplicated. A page that is incomplete or unreadable fails the run (it stays
 * resumable); whatever goes wrong, the run is never left marked running.
 */
public final class WarosuImporter {

    private static final Logger log = LoggerFactory.getLogger(WarosuImporter.class);
    /** At most this many missing thumbnails are retried when a run is resumed (at 2 s each: under an hour). */
    private static final int THUMBNAIL_RETRIES = 1500;

    public record Result(long runId, int pages, int threads, int newThreads, int thumbnails, String status,
                         String message) {}

    /** Called after each committed page, on the importing thread. */
    public interface Progress {
        void page(int pagesDone, int threadsSoFar, Instant oldest);
    }

    private final PoliteHttp http;
    private final URI base;
    private final URI imagesBase;
    private final String board;
    private final int pageSize;
    private final Database db;
    private final ThreadRepository threads;
    private final ThumbnailStore thumbnails;
    private final BiConsumer<DSLContext, List<ThreadOp>> afterUpsert;
    private final Clock clock;
    private final BodyCap pageCap;
    private final WarosuPages pages;
    private final WarosuRuns runs;

    /**
     * @param imagesBase where thumbnails are fetched from (settings' images_base), whatever host the page names
     * @param thumbnails where thumbnails go, or null to import without them ({@code [warosu] download_thumbnails = false})
     * @param pageCap    the most bytes a result, index or thread page may have
     */
    public WarosuImporter(PoliteHttp http, URI base, URI imagesBase, String board, int pageSize, Database db,
                          ThreadRepository threads, ThumbnailStore thumbnails,
                          BiConsumer<DSLContext, List<ThreadOp>> afterUpsert, Clock clock, BodyCap pageCap) {
        this.http = http;
        this.base = base;
        this.imagesBase = imagesBase;
        this.board = board;
        this.pageSize = pageSize;
        this.db = db;
        this.runs = new WarosuRuns(new com.bizcharts.store.ImportRunRepository(db));
        this.threads = threads;
        this.thumbnails = thumbnails;
        this.afterUpsert = afterUpsert;
        this.clock = clock;
        this.pageCap = pageCap;
        this.pages = new WarosuPages(board, base, pageSize);
    }

    /** Tells {@code listener} of each failed request that will be retried, while runs go on; returns how to stop. */
    public Runnable onRetry(java.util.function.Consumer<com.bizcharts.collect.http.RetryNotice> listener) {
        return http.onRetry(listener);
    }

    /** @param resume continue the newest unfinished run with the same parameters, if there is one */
    public Result run(WarosuRequest asked, boolean resume, Progress progress, BooleanSupplier cancelled)
            throws InterruptedException {
        WarosuRequest request = asked;
        long runId;
        int page;
        Optional<WarosuRuns.Run> unfinished = resume ? runs.unfinished(asked) : Optional.empty();
        if (unfinished.isPresent()) {
            runId = unfinished.get().id();
            page = unfinished.get().nextPage();
            request = asked.withDates(unfinished.get().from(), unfinished.get().to());
            runs.markRunning(runId);
            log.info("resuming Warosu import run {} at page {}", runId, page + 1);
        } else {
            runId = runs.start(request.parametersJson(), clock.instant());
            page = 0;
        }
        final WarosuRequest req = request;
        int stored = 0, created = 0, saved = 0, pagesDone = 0;
        Instant oldest = null;
        try {
            if (unfinished.isPresent()) saved += retryThumbnails(unfinished.get().startedAt());
            while (stored < request.max() && (request.pages() == null || pagesDone < request.pages())) {
                if (cancelled.getAsBoolean()) return finish(runId, "cancelled", null, pagesDone, stored, created, saved);
                Optional<WarosuPages.Results> results = fetchPage(request, page);
                if (results.isEmpty()) break;
                List<ThreadOp> ops = results.get().ops();
                if (ops.size() > request.max() - stored) ops = ops.subList(0, request.max() - stored);
                List<ThreadOp> toStore = request.withThreads() ? withReplies(ops) : ops;
                int next = page + 1;
                ThreadRepository.UpsertCounts counts = db.write(ctx -> {
                    ThreadRepository.UpsertCounts c = threads.upsert(ctx, toStore, clock.instant());
                    afterUpsert.accept(ctx, toStore);
                    runs.progress(ctx, runId, next, c, toStore, req.withThreads() ? 1 + toStore.size() : 1);
                    return c;
                });
                page = next;
                pagesDone++;
                stored += toStore.size();
                created += counts.inserted();
                saved += downloadThumbnails(toStore);
                Instant pageOldest = toStore.stream().map(ThreadOp::postedAt).min(Comparator.naturalOrder()).orElse(null);
                if (pageOldest != null && (oldest == null || pageOldest.isBefore(oldest))) oldest = pageOldest;
                progress.page(pagesDone, stored, oldest);
                // The last search page is the one with fewer results than a page holds; WarosuPages made sure it is whole.
                if (request.isSearch() && results.get().results() < pageSize) break;
            }
            return finish(runId, "completed", null, pagesDone, stored, created, saved);
        } catch (FetchException | WarosuFormatException e) {
            log.warn("Warosu import stopped: {}", e.getMessage());
            return finish(runId, "failed", e.getMessage(), pagesDone, stored, created, saved);
        } catch (RuntimeException e) {
            // Whatever it is (a store error, a parsing bug), the run must end failed and resumable, not "running".
            String message = "page " + (page + 1) + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("Warosu import stopped at " + message, e);
            return finish(runId, "failed", message, pagesDone, stored, created, saved);
        }
    }

    /** {@code --continue}: from the newest Warosu posting day already stored (unless a start was given). */
    public WarosuRequest continuing(WarosuRequest r) {
        return r.from() != null ? r : r.withDates(runs.newestDay().orElse(null), r.to());
    }

    /** {@code --backfill}: older than the oldest Warosu posting day already stored (unless an end was given). */
    public WarosuRequest backfilling(WarosuRequest r) {
        return r.to() != null ? r : r.withDates(r.from(), runs.oldestDay().map(d -> d.minusDays(1)).orElse(null));
    }

    /** One page of results, or empty when there are no more. */
    private Optional<WarosuPages.Results> fetchPage(WarosuRequest request, int page)
            throws FetchException, InterruptedException, WarosuFormatException {
        String root = base.toString().replaceAll("/+$", "") + "/" + board + "/";
        URI uri = URI.create(root + (request.isSearch() ? "?" + request.searchQuery(page * pageSize) : "?task=page&page=" + (page + 1)));
        FetchResult r = http.get(uri, pageCap);
        if (r.notFound()) return Optional.empty();
        String html = new String(r.body(), StandardCharsets.UTF_8);
        try {
            WarosuPages.Results results = request.isSearch() ? pages.searchResults(html) : pages.indexResults(html);
            // a page of results without a single OP (replies, ghosts) is not the end: the next page may have some
            return results.results() == 0 ? Optional.empty() : Optional.of(results);
        } catch (WarosuFormatException e) {
            throw new WarosuFormatException("page " + (page + 1) + " (" + uri + ") rejected, nothing of it stored: " + e.getMessage());
        }
    }

    private List<ThreadOp> withReplies(List<ThreadOp> ops) throws FetchException, InterruptedException {
        List<ThreadOp> out = new ArrayList<>();
        String root = base.toString().replaceAll("/+$", "") + "/" + board + "/thread/";
        for (ThreadOp op : ops) {
            FetchResult r = http.get(URI.create(root + op.threadId()), pageCap);
            if (!r.ok()) {
                out.add(op);
                continue;
            }
            try {
                out.add(pages.thread(new String(r.body(), StandardCharsets.UTF_8)));
            } catch (WarosuFormatException e) {
                log.warn("thread {} page unreadable, keeping the search result: {}", op.threadId(), e.getMessage());
                out.add(op);
            }
        }
        return out;
    }

    /** The thumbnails an interrupted run still owes: its threads with an address but no file on record. */
    private int retryThumbnails(Instant runStarted) throws InterruptedException {
        if (thumbnails == null) return 0;
        List<ThreadOp> missing = threads.missingThumbnails(ThreadOp.Source.WAROSU, board, runStarted, THUMBNAIL_RETRIES);
        if (!missing.isEmpty()) log.info("fetching {} thumbnails the interrupted run left missing", missing.size());
        return downloadThumbnails(missing);
    }

    private int downloadThumbnails(List<ThreadOp> ops) throws InterruptedException {
        if (thumbnails == null) return 0;
        int saved = 0;
        for (ThreadOp op : ops) {
            if (op.file() == null || op.file().thumbnailUrl() == null) continue;
            try {
                Long tim = WarosuMarkup.tim(op.file().thumbnailUrl());
                if (tim == null) continue;
                ThumbnailStore.Outcome o = thumbnails.download(onImagesBase(op.file().thumbnailUrl()), board, tim);
                if (o == ThumbnailStore.Outcome.SAVED || o == ThumbnailStore.Outcome.ALREADY_PRESENT) threads.setThumbnailPath(op.threadId(), ThumbnailStore.relativePath(board, tim));
                if (o == ThumbnailStore.Outcome.SAVED) saved++;
            } catch (FetchException | IOException | RuntimeException e) {
                // one thumbnail (gone, oversized, an address that is not one) never stops the others or the run
                log.warn("thumbnail of thread {} not saved: {}", op.threadId(), e.getMessage());
            }
        }
        return saved;
    }

    /**
     * The page's thumbnail path on the configured image host: pages name i.warosu.org, a relative /data/ path or
     * whatever host they had when served, and only the file's path is trusted (its name is the numeric tim).
     */
    URI onImagesBase(String thumbnailUrl) {
        String path = URI.create(thumbnailUrl).getRawPath();
        String host = imagesBase.toString();
        return URI.create((host.endsWith("/") ? host.substring(0, host.length() - 1) : host) + path);
    }

    private Result finish(long runId, String status, String message, int pagesDone, int stored, int created, int saved) {
        runs.finish(runId, status, message, clock.instant());
        return new Result(runId, pagesDone, stored, created, saved, status, message);
    }
}
