package com.bizcharts.collect.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests to one group of hosts at least {@code interval} apart, across every thread that shares the
 * pacer: 4chan's rule is one request per second for the API and the image host together, so the catalog poller
 * and the thumbnail downloader share one. Time comes from an injectable clock and sleeper so tests run instantly.
 */
public final class RequestPacer {

    /** Waits; production sleeps the thread, tests advance a fake clock. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant next = Instant.MIN;

    public RequestPacer(Duration interval, Clock clock, Sleeper sleeper) {
        if (interval.isNegative()) throw new IllegalArgumentException("interval must not be negative");
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static RequestPacer realTime(Duration interval) {
        return new RequestPacer(interval, Clock.systemUTC(), d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    /** Blocks until this caller may send a request, and books the slot. */
    public synchronized void acquire() throws InterruptedException {
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            sleeper.sleep(Duration.between(now, next));
            now = clock.instant();
        }
        Instant base = now.isAfter(next) ? now : next;
        next = base.plus(interval);
    }

    /** Pushes the next slot back, e.g. when a server asked us to slow down with Retry-After. */
    public synchronized void holdOff(Duration d) {
        Instant until = clock.instant().plus(d);
        if (until.isAfter(next)) next = until;
    }

    public void sleep(Duration d) throws InterruptedException {
        if (!d.isNegative() && !d.isZero()) sleeper.sleep(d);
    }

    /** The pacer's clock reading (fake in tests). */
    public Instant now() {
        return clock.instant();
    }

    public Duration interval() {
        return interval;
    }
}
