package com.bizcharts.collect.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void spacesRequestsByTheInterval() throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
        RateLimiter limiter = new RateLimiter(Duration.ofSeconds(2), time);
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(time.now()).isEqualTo(Instant.parse("2026-01-01T00:00:04Z"));
    }

    @Test
    void noWaitWhenEnoughTimePassed() throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
        RateLimiter limiter = new RateLimiter(Duration.ofSeconds(1), time);
        limiter.acquire();
        time.advance(Duration.ofMillis(1500));
        limiter.acquire();
        time.advance(Duration.ofMillis(400));
        limiter.acquire();
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(600));
    }

    @Test
    void holdUntilDelaysTheNextSlot() throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
        RateLimiter limiter = new RateLimiter(Duration.ofSeconds(1), time);
        limiter.holdUntil(time.now().plusSeconds(10));
        limiter.acquire();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void backoffDoublesUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(10), 6);
        assertThat(b.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(b.delayAfter(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.delayAfter(60)).isEqualTo(Duration.ofSeconds(10));
    }

    /** The one real-time check: the system clock really spaces three requests by one second each. */
    @Test
    void realClockSpacesRequests() throws Exception {
        RateLimiter limiter = new RateLimiter(Duration.ofMillis(1000), TimeSource.SYSTEM);
        long start = System.nanoTime();
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).isBetween(1950L, 2900L);
    }
}
