package com.bizcharts.collect.http;

import java.time.Duration;

/**
 * How long to wait before retry number {@code attempt} (1-based): doubling from {@code initial}, capped at
 * {@code max}. No jitter: one client per host group already spaces its requests, and determinism keeps tests exact.
 */
public record Backoff(Duration initial, Duration max, int maxAttempts) {

    public Backoff {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    public Duration delay(int attempt) {
        long ms = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        return Duration.ofMillis(Math.min(ms, max.toMillis()));
    }
}
