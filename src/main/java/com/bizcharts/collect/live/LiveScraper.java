package com.bizcharts.collect.live;

import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.TimeSource;
import com.bizcharts.collect.live.ScraperStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The live catalog service: polls every interval on its own thread until stopped, backs off after failures
 * (interval doubled per consecutive failure, capped), and publishes a {@link ScraperStatus} on every change.
 * {@link #stop()} interrupts waiting and fetching at once but lets a database write in flight finish.
 */
public final class LiveScraper {

    private static final Logger LOG = LoggerFactory.getLogger(LiveScraper.class);

    private final CatalogPoller poller;
    private final CatalogStore store;
    private final String board;
    private final Duration interval;
    private final Duration maxBackoff;
    private final TimeSource time;
    private final List<ScraperListener> listeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();
    private final CatalogPoller.WriteSection guardedWrite = new CatalogPoller.WriteSection() {
        @Override
        public <T> T run(Supplier<T> write) {
            synchronized (writeLock) {
                inWrite = true;
            }
            try {
                return write.get();
            } finally {
                synchronized (writeLock) {
                    inWrite = false;
                }
            }
        }
    };

    private volatile ScraperStatus status = ScraperStatus.initial();
    private volatile boolean stopRequested;
    private boolean inWrite;
    private Thread worker;

    public LiveScraper(CatalogPoller poller, CatalogStore store, String board, Duration interval, Duration maxBackoff,
                       TimeSource time) {
        this.poller = poller;
        this.store = store;
        this.board = board;
        this.interval = interval;
        this.maxBackoff = maxBackoff.compareTo(interval) < 0 ? interval : maxBackoff;
        this.time = time;
    }

    public void addListener(ScraperListener listener) {
        listeners.add(listener);
    }

    public ScraperStatus status() {
        return status;
    }

    public synchronized boolean isRunning() {
        return worker != null && worker.isAlive();
    }

    /** Starts polling now on a background thread; does nothing if already running. */
    public synchronized void start() {
        if (isRunning()) return;
        stopRequested = false;
        worker = Thread.ofPlatform().name("live-scraper").daemon(true).start(this::loop);
    }

    /** Asks the service to stop; a write in flight completes first. Returns at once (see {@link #awaitStopped}). */
    public void stop() {
        stopRequested = true;
        Thread w;
        synchronized (this) {
            w = worker;
        }
        synchronized (writeLock) {
            if (w != null && !inWrite) w.interrupt();
        }
    }

    /** Waits for the worker to end; true when it has. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        Thread w;
        synchronized (this) {
            w = worker;
        }
        return w == null || w.join(timeout);
    }

    /** One poll on the caller's thread, as its own run ({@code live --once}). Failures are thrown. */
    public CatalogPoller.PollResult pollOnce() throws InterruptedException {
        long runId = store.beginRun(time.now(), board);
        try {
            CatalogPoller.PollResult r = poller.poll(runId, CatalogPoller.WriteSection.DIRECT, () -> false);
            store.finishRun(runId, time.now(), "completed");
            publish(succeeded(r, null));
            return r;
        } catch (RuntimeException | InterruptedException e) {
            store.finishRun(runId, time.now(), e instanceof InterruptedException ? "cancelled" : "failed");
            publish(failed(State.FAILED, e, null));
            throw e;
        }
    }

    private void loop() {
        long runId = store.beginRun(time.now(), board);
        String outcome = "completed";
        int failures = 0;
        try {
            while (!stopRequested) {
                publish(status.with(State.POLLING, null));
                Instant next;
                try {
                    CatalogPoller.PollResult r = poller.poll(runId, guardedWrite, () -> stopRequested);
                    failures = 0;
                    next = time.now().plus(interval);
                    publish(succeeded(r, next));
                } catch (FetchException | MalformedCatalogException e) {
                    failures++;
                    next = time.now().plus(backoffAfter(failures));
                    LOG.warn("live poll failed ({} in a row), next try {}: {}", failures, next, e.getMessage());
                    publish(failed(State.BACKING_OFF, e, next));
                }
                if (stopRequested) break;
                Duration wait = Duration.between(time.now(), next);
                if (!wait.isNegative()) time.sleep(wait);
            }
        } catch (InterruptedException e) {
            LOG.debug("live scraper interrupted: stopping");
        } catch (RuntimeException e) {
            outcome = "failed";
            LOG.error("live scraper failed: {}", e.toString(), e);
            publish(failed(State.FAILED, e, null));
        } finally {
            Thread.interrupted();
            store.finishRun(runId, time.now(), outcome);
            if (status.state() != State.FAILED) publish(status.with(State.STOPPED, null));
        }
    }

    Duration backoffAfter(int failures) {
        Duration d = interval;
        for (int i = 1; i < failures && d.compareTo(maxBackoff) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private ScraperStatus succeeded(CatalogPoller.PollResult r, Instant next) {
        ScraperStatus s = status;
        return new ScraperStatus(State.IDLE, time.now(), next, s.polls() + 1,
                r.changed() ? r.threadsNew() : s.lastNew(), r.changed() ? r.threadsUpdated() : s.lastUpdated(),
                s.totalNew() + r.threadsNew(), s.totalUpdated() + r.threadsUpdated(), null);
    }

    private ScraperStatus failed(State state, Exception e, Instant next) {
        ScraperStatus s = status;
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new ScraperStatus(state, time.now(), next, s.polls() + 1, s.lastNew(), s.lastUpdated(), s.totalNew(),
                s.totalUpdated(), message);
    }

    private void publish(ScraperStatus next) {
        status = next;
        for (ScraperListener l : listeners) {
            try {
                l.statusChanged(next);
            } catch (RuntimeException e) {
                LOG.warn("scraper listener failed: {}", e.toString());
            }
        }
    }
}
