package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.SentimentModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The embedded CPU-inference service: scores what the collectors store, as they store it, with the active model.
 *
 * <p>Posts handed in by {@link #submit} (a poll's threads, a Warosu page, a label import, a thumbnail that arrived)
 * are scored first, newest first, even if already scored (their inputs changed). Besides them the service walks
 * the store for posts the active model has neither scored nor failed on, newest first, in chunks: after a model
 * change, at start (which resumes a rescore a kill cut short: each chunk is one transaction, so only whole chunks
 * exist), and when another process has written to the database ({@code PRAGMA data_version}) and posts are waiting.
 * Old predictions stay under their model id; labels are never touched.
 *
 * <p>One worker thread drives it; the predictions themselves run on a bounded pool. Its state is published as
 * {@link ScoringStatus} snapshots; a failure is published as FAILED with its reason and retried, never silent.
 */
public final class ScoringService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScoringService.class);

    /** Posts just scored, for views that update as predictions land. */
    public record Scored(String modelId, List<Long> threadIds) {}

    private final PredictionRepository predictions;
    private final ActiveModel active;
    private final BatchScorer scorer;
    private final Path imagesDir;
    private final LongSupplier dataVersion;
    private volatile int batchSize;
    private volatile int threads;
    private final Duration checkEvery;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition settled = lock.newCondition();
    /** Submitted posts, newest first, each with the sequence number of its (latest) submission. */
    private final java.util.TreeMap<Long, Long> pending = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    private long submissions;
    private final List<Consumer<ScoringStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Scored>> scoredListeners = new CopyOnWriteArrayList<>();
    private volatile ScoringStatus status = ScoringStatus.stopped();
    private boolean passRequested = true;   // at start: resume whatever is missing for the active model
    private boolean paused;
    private boolean busy;
    private boolean stopRequested;
    private Thread worker;
    private volatile boolean running;
    /** The model whose pass was cancelled: no pass for it starts by itself until the model changes. */
    private volatile String cancelledFor;

    // the pass over the store (worker thread only)
    private String passModel;
    private long passCursor = Long.MAX_VALUE;
    private int passDone, passTotal;
    private long passStartNanos;
    private long scoredTotal, failedTotal;
    private String lastFailure;
    private volatile boolean dirty;

    public ScoringService(PredictionRepository predictions, ActiveModel active, BatchScorer scorer, Path imagesDir,
                          LongSupplier dataVersion, int batchSize, int threads, Duration checkEvery) {
        if (batchSize < 1 || threads < 1) throw new IllegalArgumentException("batch size and threads must be at least 1");
        this.predictions = predictions;
        this.active = active;
        this.scorer = scorer;
        this.imagesDir = imagesDir;
        this.dataVersion = dataVersion;
        this.batchSize = batchSize;
        this.threads = threads;
        this.checkEvery = checkEvery;
        active.subscribe(m -> requestPass());
    }

    public ScoringStatus status() { return status; }

    /** Called on the service's thread with each new state; keep it quick. */
    public void onStatus(Consumer<ScoringStatus> l) { statusListeners.add(l); }

    /** Called on the service's thread after each stored chunk. */
    public void onScored(Consumer<Scored> l) { scoredListeners.add(l); }

    public void removeListeners(Consumer<ScoringStatus> s, Consumer<Scored> p) {
        statusListeners.remove(s);
        scoredListeners.remove(p);
    }

    /** Hands in posts that were stored or changed; they are scored next, newest first. Safe from any thread. */
    public void submit(Collection<Long> threadIds) {
        // not running: nothing to hurry, and the pass at start finds every post still waiting (a million-post import
        // must not pile up here)
        if (threadIds.isEmpty() || !running) return;
        locked(() -> {
            long seq = ++submissions;
            for (Long id : threadIds) pending.put(id, seq);
            wake.signalAll();
        });
    }

    /** Asks for a pass over the store: every post the active model has not scored yet. */
    public void requestPass() {
        locked(() -> {
            cancelledFor = null;
            passRequested = true;
            wake.signalAll();
        });
    }

    public void pause() { setPaused(true); }

    public void resume() { setPaused(false); }

    /** Stops the pass in progress; newly stored posts are still scored. The rest waits for the next pass. */
    public void cancelPass() {
        locked(() -> {
            passRequested = false;
            cancelledFor = passModel != null ? passModel : safeId();
            passModel = null;
            wake.signalAll();
        });
    }

    private void setPaused(boolean p) {
        locked(() -> {
            paused = p;
            wake.signalAll();
        });
    }

    /** Batch size and scoring threads for the next {@link #start} ({@code score --batch N --threads N}). */
    public synchronized void configure(int batch, int n) {
        if (batch < 1 || n < 1) throw new IllegalArgumentException("batch size and threads must be at least 1");
        if (worker != null && worker.isAlive()) throw new IllegalStateException("the scoring service is already running");
        batchSize = batch;
        threads = n;
    }

    public synchronized void start() {
        if (worker != null && worker.isAlive()) return;
        stopRequested = false;
        running = true;
        locked(() -> {
            passRequested = true; // whatever was stored while stopped is waiting
        });
        worker = Thread.ofPlatform().name("scoring-service").daemon(true).start(this::loop);
    }

    /** Stops after the chunk in flight is stored. */
    public synchronized void stop(Duration timeout) throws InterruptedException {
        Thread t = worker;
        if (t == null) return;
        locked(() -> {
            stopRequested = true;
            wake.signalAll();
        });
        t.join(timeout.toMillis());
        if (!t.isAlive()) worker = null; // still finishing its chunk: a start() must not run a second worker
    }

    /**
     * Waits until nothing submitted is left and no pass is running (or {@code timeout} passes); true when settled.
     * The CLI's {@code live --once} and {@code score} use it to exit with everything scored.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (busy || !pending.isEmpty() || passRequested) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                settled.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        ExecutorService pool = BatchScorer.pool(threads);
        long lastVersion = -1; // read on the first idle tick, inside the guarded loop
        try {
            takeInChangedWhileStopped();
            while (true) {
                List<Long> ids;
                boolean pass;
                lock.lock();
                try {
                    busy = false;
                    settled.signalAll();
                    if (stopRequested) break;
                    if (paused || (pending.isEmpty() && !passRequested)) {
                        publish(paused ? ScoringStatus.State.PAUSED : ScoringStatus.State.IDLE, null);
                        wake.await(checkEvery.toMillis(), TimeUnit.MILLISECONDS);
                        if (stopRequested) break;
                        if (paused) continue;
                    }
                    ids = take(pending, batchSize * threads);
                    pass = ids.isEmpty() && passRequested;
                    busy = !ids.isEmpty() || pass;
                } finally {
                    lock.unlock();
                }
                try {
                    if (!ids.isEmpty()) scoreSubmitted(ids, pool);
                    else if (pass) passStep(pool);
                    else lastVersion = checkOtherWriters(lastVersion);
                } catch (RuntimeException | Error e) {
                    // the service never dies silently: a store or model failure is published and retried
                    log.warn("scoring failed, retrying in {}: {}", checkEvery, e.toString());
                    if (!ids.isEmpty()) submit(ids);
                    publish(ScoringStatus.State.FAILED, String.valueOf(e.getMessage()));
                    sleepQuietly(checkEvery);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            pool.shutdownNow();
            locked(() -> {
                busy = false;
                settled.signalAll();
            });
            publish(ScoringStatus.State.STOPPED, null);
        }
    }

    /**
     * A thumbnail that arrived, or OCR text read off one, while the service was not running (or whose announcement a
     * kill lost) left its post scored without it; those posts are handed in again once, at start. Bounded: the rest
     * come next start.
     */
    private void takeInChangedWhileStopped() {
        try {
            submit(predictions.scoredWithoutTheirImage(active.id(), STALE_IMAGES_AT_START));
            submit(predictions.scoredBeforeTheirImageText(active.id(), STALE_IMAGES_AT_START));
        } catch (RuntimeException e) {
            log.warn("could not look for posts scored without their image or its text: {}", e.toString());
        }
    }

    private static final int STALE_IMAGES_AT_START = 50_000;

    private static List<Long> take(java.util.TreeMap<Long, Long> from, int n) {
        List<Long> out = new ArrayList<>(Math.min(n, from.size()));
        while (out.size() < n && !from.isEmpty()) out.add(from.pollFirstEntry().getKey());
        return out;
    }

    /**
     * Drops from the submitted posts those a pass chunk just scored, if they were submitted before the chunk was
     * read: that read saw their committed rows (a post is announced only after its commit), so scoring them again
     * would repeat the same prediction. Later submissions stay: their inputs may have changed since.
     */
    private void settleSubmitted(List<PostInput> chunk, long readAfterSubmission) {
        locked(() -> {
            for (PostInput p : chunk) {
                Long seq = pending.get(p.threadId());
                if (seq != null && seq <= readAfterSubmission) pending.remove(p.threadId());
            }
        });
    }

    /** Runs {@code r} holding the service's lock (state shared with the worker: pending, pass, pause, stop). */
    private void locked(Runnable r) {
        lock.lock();
        try {
            r.run();
        } finally {
            lock.unlock();
        }
    }

    private long submissionsSoFar() {
        lock.lock();
        try {
            return submissions;
        } finally {
            lock.unlock();
        }
    }

    /** Submitted posts: scored whatever they had, since what they are made of changed. */
    private void scoreSubmitted(List<Long> ids, ExecutorService pool) {
        ActiveModel.Current model = active.get();
        List<PostInput> posts = predictions.inputs(ids, imagesDir);
        if (posts.isEmpty()) return;
        publish(passModel != null ? ScoringStatus.State.RESCORING : ScoringStatus.State.SCORING, null);
        store(model.model(), posts, pool);
    }

    /** One chunk of the pass over the store, from the newest post down; a model change starts it again. */
    private void passStep(ExecutorService pool) {
        ActiveModel.Current model = active.get();
        if (!model.id().equals(passModel)) {
            int total = predictions.coverage(model.id()).waiting();
            passCursor = Long.MAX_VALUE;
            passDone = 0;
            passTotal = total;
            passStartNanos = System.nanoTime();
            passModel = model.id();
        }
        long readAfter = submissionsSoFar();
        List<PostInput> chunk = predictions.unscoredNewestFirst(model.id(), imagesDir, passCursor, batchSize * threads);
        if (chunk.isEmpty()) {
            locked(() -> {
                // a model change while this chunk ran asks for a new pass; otherwise this one is done
                if (model.id().equals(active.get().id())) passRequested = false;
            });
            if (passDone > 0) log.info("scored {} posts with {} in the background", passDone, passModel);
            passModel = null;
            return;
        }
        store(model.model(), chunk, pool);
        // moved only once the chunk is stored: a chunk that failed is read again on the retry, never skipped
        passCursor = chunk.get(chunk.size() - 1).threadId();
        settleSubmitted(chunk, readAfter);
        passDone += chunk.size();
        passTotal = Math.max(passTotal, passDone);
        publish(ScoringStatus.State.RESCORING, null);
    }

    private void store(SentimentModel model, List<PostInput> posts, ExecutorService pool) {
        BatchScorer.Chunk out = scorer.score(model, posts, batchSize, pool);
        predictions.saveChunk(out.stored(), out.failures());
        dirty = true;
        scoredTotal += out.stored().size();
        failedTotal += out.failures().size();
        if (!out.failures().isEmpty()) lastFailure = "thread " + out.failures().get(0).threadId() + ": " + out.failures().get(0).reason();
        Scored event = new Scored(model.id(), out.stored().stream().map(PredictionRepository.Stored::threadId).toList());
        for (Consumer<Scored> l : scoredListeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("scored-posts listener failed: {}", e.toString());
            }
        }
    }

    /** Another process (a cron 'live', a label import from a shell) may have stored posts this one never heard of. */
    private long checkOtherWriters(long lastVersion) {
        long v = dataVersion.getAsLong();
        if (v != lastVersion) {
            dirty = true;
            // a model activated elsewhere is ActiveModel's watch to notice (Engine.startServices starts both)
            String id = active.id();
            if (!id.equals(cancelledFor) && predictions.coverage(id).waiting() > 0) {
                locked(() -> {
                    passRequested = true;
                    wake.signalAll();
                });
            }
        }
        return v;
    }

    private void publish(ScoringStatus.State state, String error) {
        String modelId;
        try {
            modelId = active.id();
        } catch (RuntimeException e) {
            modelId = null;
        }
        // Counting the waiting posts reads two indexes (tens of ms on a million posts): only when the state or the
        // model changes, or after something was scored, never on every idle tick.
        boolean recount = state != status.state() || !java.util.Objects.equals(modelId, status.modelId()) || dirty;
        int waiting = state == ScoringStatus.State.RESCORING ? Math.max(0, passTotal - passDone)
                : modelId == null || state == ScoringStatus.State.STOPPED ? 0 : recount ? safeWaiting(modelId) : status.waiting();
        dirty = false;
        ScoringStatus.Rescore rescore = null;
        if (state == ScoringStatus.State.RESCORING && passModel != null) {
            double secs = (System.nanoTime() - passStartNanos) / 1e9;
            double rate = secs > 0 ? passDone / secs : 0;
            rescore = new ScoringStatus.Rescore(passDone, passTotal, rate,
                    rate > 0 ? Duration.ofSeconds((long) Math.ceil((passTotal - passDone) / rate)) : null);
        }
        ScoringStatus s = new ScoringStatus(state, modelId, waiting, scoredTotal, failedTotal, rescore,
                error != null ? error : lastFailure);
        if (s.equals(status)) return;
        status = s;
        for (Consumer<ScoringStatus> l : statusListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                log.warn("scoring status listener failed: {}", e.toString());
            }
        }
    }

    private String safeId() {
        try {
            return active.id();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private int safeWaiting(String modelId) {
        try {
            return predictions.coverage(modelId).waiting();
        } catch (RuntimeException e) {
            return status.waiting();
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
