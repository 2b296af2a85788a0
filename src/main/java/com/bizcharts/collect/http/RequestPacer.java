package com.bizcharts.collect.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Spaces the requests to one group of hosts, across every thread that shares the pacer: 4chan's rule is one request
 * per second for the API and the image host together, so the catalog poller and the thumbnail downloader share one.
 *
 * <p>One request of the group is in flight at a time, and the next one starts {@code interval + margin} after the
 * previous one <em>ended</em>, measured on the monotonic clock. Spacing the starts on the wall clock let the server see
 * gaps of 0.996 s: the wall clock has millisecond steps and moves with NTP, and a request's bytes reach the server a
 * variable time after it starts. Counting from the end, each request arrives at least one interval after the previous
 * one arrived. Time comes from an injectable clock and sleeper so tests run instantly.
 */
public final class RequestPacer {

    /** Waits; production sleeps the thread, tests advance a fake clock. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Added to every real-time gap, so that timer granularity never brings one under the interval. */
    public static final Duration MARGIN = Duration.ofMillis(10);
    /** No server's Retry-After holds a group off longer than this (a huge value must not overflow the clock). */
    static final Duration MAX_HOLD_OFF = Duration.ofDays(1);

    private final Duration interval;
    private final long gapNanos;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private boolean inFlight;
    private boolean started;
    private long nextStart;

    /**
     * @param margin   added to every gap
     * @param clock    the wall clock, for HTTP dates (Retry-After) only
     * @param nanoTime the monotonic clock the gaps are measured on
     */
    public RequestPacer(Duration interval, Duration margin, Clock clock, LongSupplier nanoTime, Sleeper sleeper) {
        if (interval.isNegative() || margin.isNegative()) throw new IllegalArgumentException("interval and margin must not be negative");
        this.interval = interval;
        this.gapNanos = interval.plus(margin).toNanos();
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public static RequestPacer realTime(Duration interval) {
        return new RequestPacer(interval, MARGIN, Clock.systemUTC(), System::nanoTime, Thread::sleep);
    }

    /**
     * Blocks until this caller may send its request: no other request of the group in flight, and the gap since the
     * last one ended has passed. Every {@code acquire} must be followed by {@link #release()} when the answer is read.
     */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            while (inFlight) wait();
            inFlight = true;
            wait = started ? nextStart - nanoTime.getAsLong() : 0;
        }
        try {
            while (wait > 0) {  // a loop: a sleep may end early, or a Retry-After may push the start back meanwhile
                sleeper.sleep(Duration.ofNanos(wait));
                synchronized (this) {
                    wait = nextStart - nanoTime.getAsLong();
                }
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                inFlight = false;
                notifyAll();
            }
            throw e;
        }
    }

    /** The request in flight has ended (answer read, failed or abandoned): the next gap counts from now. */
    public synchronized void release() {
        long earliest = nanoTime.getAsLong() + gapNanos;
        if (!started || earliest - nextStart > 0) nextStart = earliest;
        started = true;
        inFlight = false;
        notifyAll();
    }

    /** Pushes the next start back, e.g. when a server asked us to slow down with Retry-After. */
    public synchronized void holdOff(Duration d) {
        Duration bounded = d.compareTo(MAX_HOLD_OFF) > 0 ? MAX_HOLD_OFF : d;
        long until = nanoTime.getAsLong() + Math.max(0, bounded.toNanos());
        if (!started || until - nextStart > 0) nextStart = until;
        started = true;
    }

    public void sleep(Duration d) throws InterruptedException {
        if (!d.isNegative() && !d.isZero()) sleeper.sleep(d);
    }

    /** The pacer's wall-clock reading (fake in tests), for HTTP dates. */
    public Instant now() {
        return clock.instant();
    }

    public Duration interval() {
        return interval;
    }
}
