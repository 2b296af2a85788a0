package com.bizcharts.collect.http;

import com.bizcharts.collect.http.LoopbackServer.Reply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Servers that misbehave on purpose: slow bodies, endless bodies, absurd headers. */
class HostileServerTest {

    private static final BodyCap CATALOG = BodyCap.ofKilobytes("catalog", 256, "[fourchan] max_catalog_kb");

    private static PoliteHttp realTime(Duration timeout, int attempts) {
        return new PoliteHttp(RequestPacer.realTime(Duration.ZERO), new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), attempts),
                timeout, "t");
    }

    @Test
    void aBodyDribbledOneByteASecondIsAbandonedAtTheTimeout() {
        try (RawServer server = new RawServer((n, line, out) -> {
            out.write(RawServer.ok(100, "application/json"));
            for (int i = 0; i < 100; i++) {  // an honest Content-Length, a hundred seconds to honour it
                out.write('[');
                out.flush();
                Thread.sleep(1000);
            }
        })) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    assertThatThrownBy(() -> realTime(Duration.ofMillis(700), 2).get(server.uri("/biz/catalog.json"), CATALOG))
                            .isInstanceOf(FetchException.class)
                            .hasMessageContaining("timed out after 700 ms (headers and body) after 2 attempts"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(server.requests).hasSize(2);
        }
    }

    @Test
    void aStreamedBodyPastItsCapIsCutOffWithAClearErrorAndNotRetried() {
        try (RawServer server = new RawServer((n, line, out) -> {
            out.write(RawServer.ok(-1, "application/json"));  // no length: the body ends when the server says so
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 1024; i++) out.write(chunk);  // 64 MB, far past the cap
        })) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    assertThatThrownBy(() -> realTime(Duration.ofSeconds(10), 3).get(server.uri("/biz/catalog.json"), CATALOG))
                            .isInstanceOf(FetchException.class)
                            .hasMessageContaining("catalog body of more than 262144 bytes is over its 256 KB cap ([fourchan] max_catalog_kb)"));
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void aDeclaredLengthPastTheCapIsRefusedBeforeTheBodyIsRead() {
        try (RawServer server = new RawServer((n, line, out) -> {
            out.write(RawServer.ok(1_610_612_736L, "application/json"));  // "1.5 GB", then nothing at all
            out.flush();
            Thread.sleep(30_000);
        })) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> realTime(Duration.ofSeconds(10), 3).get(server.uri("/biz/catalog.json"), CATALOG))
                    .hasMessageContaining("catalog body of 1610612736 bytes (Content-Length) is over its 256 KB cap");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void requestsThatNameNoKindStillHaveTheClientsDefaultCap() {
        BodyCap price = BodyCap.ofKilobytes("price answer", 8, "[prices] max_response_kb");
        try (LoopbackServer server = new LoopbackServer(req -> Reply.of(200, "[" + "1,".repeat(8 * 1024) + "1]"))) {
            PoliteHttp http = new PoliteHttp(RequestPacer.realTime(Duration.ZERO), new Backoff(Duration.ofMillis(1),
                    Duration.ofMillis(1), 3), Duration.ofSeconds(5), "t", price);
            assertThatThrownBy(() -> http.getWithHeaders(server.uri("/api/v3/klines"), java.util.Map.of("Accept", "application/json")))
                    .hasMessageContaining("price answer body of 16387 bytes (Content-Length) is over its 8 KB cap ([prices] max_response_kb)");
        }
    }

    @Test
    void anAbsurdRetryAfterIsClampedInsteadOfOverflowingTheClock() throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
        AtomicInteger n = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer(req -> n.incrementAndGet() == 1
                ? Reply.of(429, "").header("Retry-After", "9223372036854775807") : Reply.of(200, "ok"))) {
            PoliteHttp http = new PoliteHttp(time.pacer(Duration.ofSeconds(1)), new Backoff(Duration.ofSeconds(1),
                    Duration.ofSeconds(8), 3), Duration.ofSeconds(5), "t");
            assertThat(http.get(server.uri("/x")).ok()).isTrue();
            assertThat(time.sleeps).contains(RetryAfter.MAX);
        }
        assertThat(RetryAfter.parse("99999999999999999999999")).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("-99999999999999999999999")).isEqualTo(Duration.ZERO);
    }

    @Test
    void theGapIsCountedFromTheEndOfTheLastRequestNotItsStart() throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
        // Each answer takes 400 ms on the (fake) clock: spacing the starts would leave the server 600 ms gaps.
        try (LoopbackServer server = new LoopbackServer(req -> {
            time.advance(Duration.ofMillis(400));
            return Reply.of(200, "ok");
        })) {
            PoliteHttp http = new PoliteHttp(time.pacer(Duration.ofSeconds(1), Duration.ofMillis(10)),
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 3), Duration.ofSeconds(5), "t");
            for (int i = 0; i < 3; i++) http.get(server.uri("/x"));
            assertThat(time.sleeps).containsExactly(Duration.ofMillis(1010), Duration.ofMillis(1010));
        }
    }

    @Test
    void onTheRealClockNoGapBetweenArrivalsIsEverUnderTheInterval() throws Exception {
        java.util.List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LoopbackServer server = new LoopbackServer(req -> {
            arrivals.add(System.nanoTime());
            return Reply.of(200, "ok").delayed(30);
        })) {
            PoliteHttp http = new PoliteHttp(RequestPacer.realTime(Duration.ofMillis(250)),
                    new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 1), Duration.ofSeconds(5), "t");
            for (int i = 0; i < 5; i++) http.get(server.uri("/x"));
        }
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
        assertThat(arrivals).hasSize(5);
    }
}
