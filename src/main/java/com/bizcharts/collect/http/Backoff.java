package com.bizcharts.collect.http;

import java.time.Duration;

/**
 * Deterministic exponential backoff (no jitter: one client per host group, so there is no herd to spread, and
 * tests can assert exact delays). Attempt 1 is the first try; the wait after failed attempt n is
 * {@code initial * 2^(n-1)}, capped at {@code max}.
 */
public record Backoff(Duration initial, Duration max, int maxAttempts) {

    public Backoff {
        if (maxAttempts < 1) throw new IllegalArgumentException("max attempts must be at least 1");
        if (initial.isNegative() || max.isNegative()) throw new IllegalArgumentException("backoff must not be negative");
    }

    public Duration delayAfter(int failedAttempt) {
        int shift = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long millis = initial.toMillis() << shift;
        return millis < 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
