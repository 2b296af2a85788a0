package com.bizcharts.collect.http;

import com.bizcharts.collect.http.LoopbackServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoliteFetcherTest {

    private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

    private LoopbackServer server;
    private FakeTime time;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        time = new FakeTime(T0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PoliteFetcher fetcher(int maxAttempts, Duration timeout) {
        return new PoliteFetcher(HttpClient.newHttpClient(), new RateLimiter(Duration.ofSeconds(1), time),
                new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), maxAttempts), "TestAgent/1", timeout, time);
    }

    @Test
    void returnsBodyAndLastModifiedAndSendsUserAgent() throws Exception {
        server.script("/biz/catalog.json", Reply.of(200, "[]", "Last-Modified", "Thu, 26 Mar 2015 17:27:57 GMT"));
        FetchResult r = fetcher(3, Duration.ofSeconds(5)).get(server.uri("/biz/catalog.json"));
        assertThat(r.outcome()).isEqualTo(FetchResult.Outcome.OK);
        assertThat(r.bodyText()).isEqualTo("[]");
        assertThat(r.lastModified()).isEqualTo("Thu, 26 Mar 2015 17:27:57 GMT");
        assertThat(server.seen().getFirst().header("User-Agent")).isEqualTo("TestAgent/1");
        assertThat(server.seen().getFirst().header("If-Modified-Since")).isNull();
    }

    @Test
    void conditionalGetAnswered304IsANormalOutcome() throws Exception {
        server.script("/c", Reply.of(304, null));
        FetchResult r = fetcher(3, Duration.ofSeconds(5)).get(server.uri("/c"), "Thu, 26 Mar 2015 17:27:57 GMT");
        assertThat(r.outcome()).isEqualTo(FetchResult.Outcome.NOT_MODIFIED);
        assertThat(r.lastModified()).isEqualTo("Thu, 26 Mar 2015 17:27:57 GMT");
        assertThat(server.seen().getFirst().header("If-Modified-Since")).isEqualTo("Thu, 26 Mar 2015 17:27:57 GMT");
    }

    @Test
    void notFoundIsAnOutcomeWithoutRetry() throws Exception {
        FetchResult r = fetcher(3, Duration.ofSeconds(5)).get(server.uri("/gone"));
        assertThat(r.outcome()).isEqualTo(FetchResult.Outcome.NOT_FOUND);
        assertThat(server.count("/gone")).isEqualTo(1);
    }

    @Test
    void tooManyRequestsHonoursRetryAfterSeconds() throws Exception {
        server.script("/c", Reply.of(429, "slow down", "Retry-After", "7"), Reply.of(200, "ok"));
        FetchResult r = fetcher(3, Duration.ofSeconds(5)).get(server.uri("/c"));
        assertThat(r.bodyText()).isEqualTo("ok");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterHttpDate() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(T0.plusSeconds(30).atZone(ZoneOffset.UTC));
        server.script("/c", Reply.of(429, "", "Retry-After", date), Reply.of(200, "ok"));
        fetcher(3, Duration.ofSeconds(5)).get(server.uri("/c"));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void serverErrorThenSuccessWaitsTheFirstBackoffStep() throws Exception {
        server.script("/c", Reply.of(503, "busy"), Reply.of(502, "busy"), Reply.of(200, "ok"));
        FetchResult r = fetcher(5, Duration.ofSeconds(5)).get(server.uri("/c"));
        assertThat(r.bodyText()).isEqualTo("ok");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void persistentServerErrorsGiveUpWithAClearException() {
        server.script("/c", Reply.of(500, "broken"));
        assertThatThrownBy(() -> fetcher(3, Duration.ofSeconds(5)).get(server.uri("/c")))
                .isInstanceOf(FetchException.RetriesExhausted.class)
                .hasMessageContaining("3 attempts").hasMessageContaining("HTTP 500").hasMessageContaining("/c");
        assertThat(server.count("/c")).isEqualTo(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void timeoutIsRetried() throws Exception {
        server.script("/slow", Reply.of(200, "late").delayed(1500), Reply.of(200, "fast"));
        FetchResult r = fetcher(3, Duration.ofMillis(200)).get(server.uri("/slow"));
        assertThat(r.bodyText()).isEqualTo("fast");
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void connectionRefusedExhaustsRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/x");
        assertThatThrownBy(() -> fetcher(2, Duration.ofSeconds(2)).get(closed))
                .isInstanceOf(FetchException.RetriesExhausted.class).hasMessageContaining("connection error");
    }

    @Test
    void forbiddenIsNotRetried() {
        server.script("/c", Reply.of(403, "no"));
        assertThatThrownBy(() -> fetcher(3, Duration.ofSeconds(5)).get(server.uri("/c")))
                .isInstanceOfSatisfying(FetchException.UnexpectedStatus.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(server.count("/c")).isEqualTo(1);
    }

    @Test
    void everyRequestWaitsForTheSharedLimiter() throws Exception {
        server.script("/a", Reply.of(200, "a"));
        server.script("/b", Reply.of(200, "b"));
        PoliteFetcher f = fetcher(3, Duration.ofSeconds(5));
        f.get(server.uri("/a"));
        f.get(server.uri("/b"));
        f.get(server.uri("/a"));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
