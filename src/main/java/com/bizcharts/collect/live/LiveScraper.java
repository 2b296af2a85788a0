package com.bizcharts.collect.live;

import com.bizcharts.collect.http.FetchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live scraper as an embedded background service: polls the catalog every interval on its own thread until
 * stopped. A failed poll (server errors after retries, timeouts) is counted and retried at the next interval; it
 * never ends the service. Stopping interrupts a wait or a download but never a database write: the poll's
 * transaction finishes first.
 */
public final class LiveScraper {

    private static final Logger log = LoggerFactory.getLogger(LiveScraper.class);

    private final CatalogPoller poller;
    private final Duration interval;
    private final Clock clock;
    private final List<Consumer<LiveStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile LiveStatus status = LiveStatus.stopped();
    private Thread worker;
    private volatile boolean stopRequested;

    public LiveScraper(CatalogPoller poller, Duration interval, Clock clock) {
        this.poller = poller;
        this.interval = interval;
        this.clock = clock;
    }

    /** Listeners are called on the scraper's thread; the GUI hops to its own thread itself. */
    public void addListener(Consumer<LiveStatus> listener) {
        listeners.add(listener);
    }

    public LiveStatus status() {
        return status;
    }

    public boolean running() {
        synchronized (lock) {
            return worker != null && worker.isAlive();
        }
    }

    public void start() {
        synchronized (lock) {
            if (running()) return;
            stopRequested = false;
            worker = Thread.ofPlatform().name("live-scraper").daemon(true).start(this::loop);
        }
    }

    /** Asks the service to stop and waits (up to {@code timeout}) for the poll in flight to finish its write. */
    public void stop(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = worker;
            stopRequested = true;
        }
        if (t == null) return;
        t.interrupt();
        t.join(timeout.toMillis());
    }

    /** One poll now, on the caller's thread ({@code live --once}). */
    public PollOutcome pollOnce() throws FetchException, InterruptedException {
        publish(with(LiveStatus.State.POLLING, null));
        try {
            PollOutcome o = poller.poll();
            publish(after(o, LiveStatus.State.STOPPED, null));
            return o;
        } catch (FetchException e) {
            publish(failed(e.getMessage(), LiveStatus.State.FAILED, null));
            throw e;
        }
    }

    private void loop() {
        while (!stopRequested) {
            publish(with(LiveStatus.State.POLLING, null));
            Instant next;
            try {
                PollOutcome o = poller.poll();
                next = clock.instant().plus(interval);
                publish(after(o, LiveStatus.State.WAITING, next));
            } catch (FetchException e) {
                next = clock.instant().plus(interval);
                log.warn("live poll failed, retrying at the next interval: {}", e.getMessage());
                publish(failed(e.getMessage(), LiveStatus.State.BACKING_OFF, next));
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // A store failure (disk full, locked database) must not kill the service silently.
                next = clock.instant().plus(interval);
                log.error("live poll failed", e);
                publish(failed(String.valueOf(e.getMessage()), LiveStatus.State.BACKING_OFF, next));
            }
            if (stopRequested) break;
            try {
                Thread.sleep(Math.max(0, Duration.between(clock.instant(), next).toMillis()));
            } catch (InterruptedException e) {
                break;
            }
        }
        publish(with(LiveStatus.State.STOPPED, null));
    }

    private LiveStatus with(LiveStatus.State state, Instant next) {
        LiveStatus s = status;
        return new LiveStatus(state, s.lastPoll(), next, s.polls(), s.newThreads(), s.updatedThreads(), s.errors(),
                s.lastError(), s.lastOutcome());
    }

    private LiveStatus after(PollOutcome o, LiveStatus.State state, Instant next) {
        LiveStatus s = status;
        boolean bad = o.kind() == PollOutcome.Kind.MALFORMED || o.kind() == PollOutcome.Kind.GONE;
        return new LiveStatus(state, clock.instant(), next, s.polls() + 1, s.newThreads() + o.newThreads(),
                s.updatedThreads() + o.updatedThreads(), s.errors() + (bad ? 1 : 0),
                bad ? o.message() : s.lastError(), o);
    }

    private LiveStatus failed(String message, LiveStatus.State state, Instant next) {
        LiveStatus s = status;
        return new LiveStatus(state, clock.instant(), next, s.polls() + 1, s.newThreads(), s.updatedThreads(),
                s.errors() + 1, message, s.lastOutcome());
    }

    private void publish(LiveStatus s) {
        status = s;
        for (Consumer<LiveStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                log.warn("live status listener failed", e);
            }
        }
    }
}
