package com.bizcharts.collect.live;

import com.bizcharts.collect.OnceWarnings;
import com.bizcharts.collect.http.BodyCap;
import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.FetchResult;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.store.CatalogSnapshotRepository;
import com.bizcharts.store.Database;
import com.bizcharts.store.ImportRunRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;


/**
 * One poll of the live catalog: a conditional GET, then every OP, its observation, the catalog snapshot, the run
 * record and the catalog's Last-Modified in ONE transaction (a crash mid-poll stores nothing of it), then the missing
 * thumbnails, newest threads first, through the same pace as the catalog. The Last-Modified lives in the database, so
 * {@code live --once} from cron sends If-Modified-Since too. A poll that fails (retries exhausted, a body over its
 * cap, a rejected or empty catalog) is recorded as a failed run; one bad OP or thumbnail never stops the others.
 */
public final class CatalogPoller {

    private static final Logger log = LoggerFactory.getLogger(CatalogPoller.class);

    /** Extra work inside the poll's transaction (coin mentions); returns the snapshot's top-coins JSON. */
    public interface CatalogHook {
        String afterUpsert(DSLContext ctx, List<ThreadOp> ops);

        CatalogHook NONE = (ctx, ops) -> "[]";
    }

    private final PoliteHttp http;
    private final URI catalogUri;
    private final URI imagesBase;
    private final String board;
    private final Database db;
    private final ThreadRepository threads;
    private final ThumbnailStore thumbnails;
    private final CatalogHook hook;
    private final Clock clock;
    private final int maxThumbnailsPerPoll;
    private final BodyCap catalogCap;
    private final CatalogSnapshotRepository snapshots = new CatalogSnapshotRepository();
    private final ImportRunRepository runs;
    private final OnceWarnings warnings = new OnceWarnings(log);

    public CatalogPoller(PoliteHttp http, URI apiBase, URI imagesBase, String board, Database db,
                         ThreadRepository threads, ThumbnailStore thumbnails, CatalogHook hook, Clock clock,
                         int maxThumbnailsPerPoll) {
        this(http, apiBase, imagesBase, board, db, threads, thumbnails, hook, clock, maxThumbnailsPerPoll, BodyCap.DEFAULT);
    }

    /** @param catalogCap the most bytes a catalog may have ({@code [fourchan] max_catalog_kb}) */
    public CatalogPoller(PoliteHttp http, URI apiBase, URI imagesBase, String board, Database db,
                         ThreadRepository threads, ThumbnailStore thumbnails, CatalogHook hook, Clock clock,
                         int maxThumbnailsPerPoll, BodyCap catalogCap) {
        this.http = http;
        this.catalogCap = catalogCap;
        this.catalogUri = URI.create(apiBase.toString().replaceAll("/+$", "") + "/" + board + "/catalog.json");
        this.imagesBase = imagesBase;
        this.board = board;
        this.db = db;
        this.threads = threads;
        this.thumbnails = thumbnails;
        this.hook = hook;
        this.clock = clock;
        this.maxThumbnailsPerPoll = maxThumbnailsPerPoll;
        this.runs = new ImportRunRepository(db);
    }

    /**
     * What a poll has done so far, for views that must not wait for the thumbnails (at 1 request/s, 50 of them take
     * most of a minute): the stored threads first, then the thumbnails one by one. Called on the polling thread.
     */
    public interface Progress {
        void stored(PollOutcome storedSoFar, int thumbnailsWanted);

        void thumbnail(int done, int wanted);

        Progress NONE = new Progress() {
            public void stored(PollOutcome o, int wanted) { }

            public void thumbnail(int done, int wanted) { }
        };
    }

    public PollOutcome poll() throws FetchException, InterruptedException {
        return poll(Progress.NONE);
    }

    public PollOutcome poll(Progress progress) throws FetchException, InterruptedException {
        Instant started = clock.instant();
        FetchResult r;
        try {
            r = http.get(catalogUri, snapshots.lastModified(db.read(), board).orElse(null), catalogCap);
        } catch (FetchException e) {
            recordFailure(started, e.getMessage());
            throw e;
        }
        if (r.notModified()) return PollOutcome.of(PollOutcome.Kind.NOT_MODIFIED, null);
        if (r.notFound()) return PollOutcome.of(PollOutcome.Kind.GONE, catalogUri + " answered 404");
        Instant now = clock.instant();
        List<CatalogEntry> entries;
        try {
            entries = new CatalogParser(board, imagesBase, warnings::warn).parse(r.body());
        } catch (CatalogFormatException e) {
            log.warn("catalog rejected, nothing stored: {}", e.getMessage());
            recordFailure(now, e.getMessage());
            return PollOutcome.of(PollOutcome.Kind.MALFORMED, e.getMessage());
        }
        if (entries.isEmpty()) {
            // A live board always has threads: an empty catalog is a server or CDN fault, not a 0-thread snapshot.
            String why = "suspicious catalog: no threads (" + r.body().length + " bytes); no snapshot stored";
            log.warn(why);
            recordFailure(now, why);
            return PollOutcome.of(PollOutcome.Kind.SUSPICIOUS, why);
        }
        ThreadRepository.UpsertCounts counts = store(entries, now, r.lastModified());
        List<CatalogEntry> wanted = thumbnailsWanted(entries);
        progress.stored(new PollOutcome(PollOutcome.Kind.CHANGED, entries.size(), counts.inserted(), counts.updated(), 0, null),
                wanted.size());
        int saved = downloadThumbnails(wanted, progress);
        return new PollOutcome(PollOutcome.Kind.CHANGED, entries.size(), counts.inserted(), counts.updated(), saved, null);
    }

    /** Stores a parsed catalog; public for the benchmark, which measures parse + store without the network. */
    public ThreadRepository.UpsertCounts store(List<CatalogEntry> entries, Instant now) {
        return store(entries, now, null);
    }

    /** @param lastModified the catalog's Last-Modified, kept with what it describes (null: the server sent none) */
    private ThreadRepository.UpsertCounts store(List<CatalogEntry> entries, Instant now, String lastModified) {
        return db.write(ctx -> {
            List<ThreadOp> ops = entries.stream().map(CatalogEntry::op).toList();
            ThreadRepository.UpsertCounts counts = threads.upsert(ctx, ops, now);
            snapshots.addObservations(ctx, entries.stream().map(e -> new CatalogSnapshotRepository.Sighting(e.op().threadId(),
                    e.op().replyCount(), e.op().imageCount(), e.page())).toList(), now);
            String topCoins = hook.afterUpsert(ctx, ops);
            snapshots.addSnapshot(ctx, board, now, ops.size(), ops.stream().mapToInt(ThreadOp::replyCount).average().orElse(0), topCoins);
            runs.recordPoll(ctx, board, now, counts, ops);
            if (lastModified != null) snapshots.saveLastModified(ctx, board, lastModified, now);
            return counts;
        });
    }

    private void recordFailure(Instant now, String message) {
        runs.recordFailure("live", now, message);
    }

    /** The entries with a thumbnail, newest first: the order they are fetched in. */
    private List<CatalogEntry> thumbnailsWanted(List<CatalogEntry> entries) {
        if (maxThumbnailsPerPoll <= 0) return List.of();
        return entries.stream().filter(e -> e.tim() != null && e.op().file() != null && e.op().file().thumbnailUrl() != null)
                .sorted(Comparator.comparing((CatalogEntry e) -> e.op().postedAt()).reversed()).toList();
    }

    private int downloadThumbnails(List<CatalogEntry> wanted, Progress progress) throws InterruptedException {
        // what this poll will fetch: those not on disk yet, up to the per-poll cap
        int toFetch = (int) Math.min(maxThumbnailsPerPoll, wanted.stream().filter(e -> !thumbnails.exists(board, e.tim())).count());
        int saved = 0, tried = 0;
        progress.thumbnail(0, toFetch);
        for (CatalogEntry e : wanted) {
            if (tried >= maxThumbnailsPerPoll) break;
            String rel = ThumbnailStore.relativePath(board, e.tim());
            ThumbnailStore.Outcome o = null;
            try {
                o = thumbnails.download(URI.create(e.op().file().thumbnailUrl()), board, e.tim());
                if (o == ThumbnailStore.Outcome.SAVED) {
                    tried++;
                    saved++;
                }
                if (o == ThumbnailStore.Outcome.SAVED) {
                    threads.setThumbnailPath(e.op().threadId(), rel);
                } else if (o == ThumbnailStore.Outcome.ALREADY_PRESENT) {
                    threads.setThumbnailPathIfMissing(e.op().threadId(), rel); // no write (nor rescore) on every poll
                } else {
                    if (o == ThumbnailStore.Outcome.NOT_AN_IMAGE) {
                        log.warn("thumbnail of thread {} is not a JPEG; not saved", e.op().threadId());
                    }
                    tried++;
                }
            } catch (FetchException | IOException ex) {
                tried++;
                log.warn("thumbnail of thread {} not saved: {}", e.op().threadId(), ex.getMessage());
            } catch (RuntimeException ex) {
                // one unusable entry (a number no file can have, an address that is not one) costs only its thumbnail
                tried++;
                warnings.warn("thumbnail of thread " + e.op().threadId() + " skipped: " + ex.getMessage());
            }
            if (o != ThumbnailStore.Outcome.ALREADY_PRESENT) progress.thumbnail(Math.min(tried, toFetch), toFetch);
        }
        return saved;
    }

    public URI catalogUri() {
        return catalogUri;
    }
}
