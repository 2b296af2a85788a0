package com.bizcharts.collect.http;

import com.bizcharts.collect.http.LoopbackServer.Reply;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoliteHttpTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 4);

    private PoliteHttp http(Duration timeout) {
        return new PoliteHttp(time.pacer(Duration.ofSeconds(1)), backoff, timeout, "BizChartsTest/1");
    }

    @Test
    void conditionalGetReturnsBodyThenNotModified() throws Exception {
        try (LoopbackServer server = new LoopbackServer(req -> req.ifModifiedSince() == null
                ? Reply.of(200, "[1]").header("Last-Modified", "Thu, 26 Mar 2015 17:27:57 GMT")
                : Reply.of(304, ""))) {
            FetchResult first = http(Duration.ofSeconds(5)).get(server.uri("/biz/catalog.json"));
            assertThat(first.ok()).isTrue();
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("[1]");
            FetchResult second = http(Duration.ofSeconds(5)).get(server.uri("/biz/catalog.json"), first.lastModified(), BodyCap.DEFAULT);
            assertThat(second.notModified()).isTrue();
            assertThat(server.seen.get(1).ifModifiedSince()).isEqualTo("Thu, 26 Mar 2015 17:27:57 GMT");
            assertThat(server.seen.get(0).userAgent()).isEqualTo("BizChartsTest/1");
        }
    }

    @Test
    void tooManyRequestsWaitsWhatRetryAfterSays() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer(req -> n.incrementAndGet() == 1
                ? Reply.of(429, "slow down").header("Retry-After", "30") : Reply.of(200, "ok"))) {
            FetchResult r = http(Duration.ofSeconds(5)).get(server.uri("/x"));
            assertThat(r.ok()).isTrue();
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(time.sleeps).contains(Duration.ofSeconds(30));
        }
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredOnTheInjectedClock() throws Exception {
        AtomicInteger n = new AtomicInteger();
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(time.instant().plusSeconds(45).atZone(java.time.ZoneOffset.UTC));
        try (LoopbackServer server = new LoopbackServer(req -> n.incrementAndGet() == 1
                ? Reply.of(429, "").header("Retry-After", date) : Reply.of(200, "ok"))) {
            FetchResult r = http(Duration.ofSeconds(5)).get(server.uri("/x"));
            assertThat(r.ok()).isTrue();
            assertThat(time.sleeps).containsExactly(Duration.ofSeconds(45));
        }
    }

    @Test
    void connectionRefusedIsRetriedThenAClearFailure() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        java.net.URI closed = java.net.URI.create("http://127.0.0.1:" + port + "/x");
        assertThatThrownBy(() -> http(Duration.ofSeconds(2)).get(closed))
                .isInstanceOf(FetchException.class).hasMessageContaining("connection failed")
                .hasMessageContaining("after 4 attempts")
                .satisfies(e -> assertThat(((FetchException) e).status()).isZero());
    }

    @Test
    void serverErrorsBackOffExponentiallyAndFinallyFail() throws Exception {
        try (LoopbackServer server = new LoopbackServer(req -> Reply.of(503, "down"))) {
            assertThatThrownBy(() -> http(Duration.ofSeconds(5)).get(server.uri("/x")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageEndingWith("HTTP 503 after 4 attempts")
                    .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(503));
            assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(server.seen).hasSize(4);
        }
    }

    @Test
    void notFoundIsAnOrdinaryOutcomeAndForbiddenIsNotRetried() throws Exception {
        try (LoopbackServer server = new LoopbackServer(req -> req.path().equals("/gone") ? Reply.of(404, "") : Reply.of(403, "no"))) {
            assertThat(http(Duration.ofSeconds(5)).get(server.uri("/gone")).notFound()).isTrue();
            assertThatThrownBy(() -> http(Duration.ofSeconds(5)).get(server.uri("/private")))
                    .hasMessageEndingWith("HTTP 403");
            assertThat(server.seen).hasSize(2);
        }
    }

    @Test
    void aTimeoutIsRetried() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer(req -> n.incrementAndGet() == 1
                ? Reply.of(200, "late").delayed(1500) : Reply.of(200, "on time"))) {
            FetchResult r = http(Duration.ofMillis(300)).get(server.uri("/x"));
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("on time");
            assertThat(r.attempts()).isEqualTo(2);
        }
    }

    @Test
    void pacerSpacesRequestsOneIntervalApart() throws Exception {
        RequestPacer pacer = time.pacer(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            pacer.acquire();
            pacer.release();
        }
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        time.advance(Duration.ofSeconds(5));
        pacer.acquire();
        pacer.release();
        assertThat(time.sleeps).hasSize(2); // idle long enough: no wait
        pacer.holdOff(Duration.ofSeconds(10));
        pacer.acquire();
        pacer.release();
        assertThat(time.sleeps.get(2)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void realTimePacingHoldsOneRequestPerSecond() throws Exception {
        RequestPacer pacer = RequestPacer.realTime(Duration.ofMillis(500));
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            pacer.acquire();
            pacer.release();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).isGreaterThanOrEqualTo(950);
    }
}
