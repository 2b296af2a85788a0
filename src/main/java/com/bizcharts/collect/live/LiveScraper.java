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
    private volatile boolean counted; // the poll in progress was counted when its threads were stored

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
            PollOutcome o = poll();
            publish(finished(o, LiveStatus.State.STOPPED, null));
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
                PollOutcome o = poll();
                next = clock.instant().plus(interval);
                publish(finished(o, LiveStatus.State.WAITING, next));
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

    /**
     * One poll, counted the moment its threads are stored (the views must not wait a minute for the thumbnails),
     * with the thumbnails' own count published as they come.
     */
    private PollOutcome poll() throws FetchException, InterruptedException {
        counted = false;
        PollOutcome o = poller.poll(new CatalogPoller.Progress() {
            @Override
            public void stored(PollOutcome so, int wanted) {
                counted = true;
                publish(after(so, LiveStatus.State.POLLING, null));
            }

            @Override
            public void thumbnail(int done, int wanted) {
                LiveStatus s = status;
                publish(new LiveStatus(s.state(), s.lastPoll(), s.nextPoll(), s.polls(), s.newThreads(), s.updatedThreads(),
                        s.errors(), s.lastError(), s.lastOutcome(), done, wanted));
            }
        });
        return o;
    }

    /** The status once a poll is over: counted already if its threads were stored, else counted now. */
    private LiveStatus finished(PollOutcome o, LiveStatus.State state, Instant next) {
        if (!counted) return after(o, state, next);
        LiveStatus s = status;
        return new LiveStatus(state, s.lastPoll(), next, s.polls(), s.newThreads(), s.updatedThreads(), s.errors(),
                s.lastError(), o, s.thumbnailsDone(), s.thumbnailsWanted());
    }

    private LiveStatus with(LiveStatus.State state, Instant next) {
        LiveStatus s = status;
        return new LiveStatus(state, s.lastPoll(), next, s.polls(), s.newThreads(), s.updatedThreads(), s.errors(),
                s.lastError(), s.lastOutcome(), 0, 0);
    }

    private LiveStatus after(PollOutcome o, LiveStatus.State state, Instant next) {
        LiveStatus s = status;
        boolean bad = o.kind() == PollOutcome.Kind.MALFORMED || o.kind() == PollOutcome.Kind.GONE
                || o.kind() == PollOutcome.Kind.SUSPICIOUS;
        return new LiveStatus(state, clock.instant(), next, s.polls() + 1, s.newThreads() + o.newThreads(),
                s.updatedThreads() + o.updatedThreads(), s.errors() + (bad ? 1 : 0),
                bad ? o.message() : s.lastError(), o, s.thumbnailsDone(), s.thumbnailsWanted());
    }

    private LiveStatus failed(String message, LiveStatus.State state, Instant next) {
        LiveStatus s = status;
        return new LiveStatus(state, clock.instant(), next, counted ? s.polls() : s.polls() + 1, s.newThreads(),
                s.updatedThreads(), s.errors() + 1, message, s.lastOutcome(), s.thumbnailsDone(), s.thumbnailsWanted());
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
