package com.bizcharts.collect.http;

import java.time.Duration;
import java.time.Instant;

/**
 * At most one request per interval for a host group (4chan's API and image hosts share one: its rules count them
 * together). Callers queue in order; each {@link #acquire()} returns when its request may start.
 */
public final class RateLimiter {

    private final Duration interval;
    private final TimeSource time;
    private Instant nextAllowed = Instant.MIN;

    public RateLimiter(Duration interval, TimeSource time) {
        if (interval.isNegative()) throw new IllegalArgumentException("rate limit interval must not be negative");
        this.interval = interval;
        this.time = time;
    }

    public Duration interval() {
        return interval;
    }

    /** Blocks until a request may go out and reserves that slot. Fair: one caller at a time holds the slot. */
    public synchronized void acquire() throws InterruptedException {
        Instant now = time.now();
        if (now.isBefore(nextAllowed)) {
            time.sleep(Duration.between(now, nextAllowed));
            now = time.now();
        }
        nextAllowed = (now.isAfter(nextAllowed) ? now : nextAllowed).plus(interval);
    }

    /** Pushes the next slot back, e.g. after a 429 told the whole host group to wait. */
    public synchronized void holdUntil(Instant instant) {
        if (instant.isAfter(nextAllowed)) nextAllowed = instant;
    }
}
