package com.bizcharts.learn.teacher;

import com.bizcharts.collect.http.RetryAfter;
import com.bizcharts.learn.teacher.TeacherClient.TeacherCallException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against loopback servers speaking each provider's format, errors included. */
class HttpTeacherClientTest {

    private final List<Duration> slept = new ArrayList<>();
    private final TeacherRequest post = new TeacherRequest(1, "", "wagmi", new byte[]{9}, "image/png");

    private HttpTeacherClient client(TeacherProvider p, String base, String key) {
        return new HttpTeacherClient(p, base, "m", key, Duration.ZERO,
                new HttpTeacherClient.Retry(3, Duration.ofSeconds(2), Duration.ofSeconds(30)), slept::add, Duration.ofSeconds(5));
    }

    @Test
    void openAiRateLimitIsRetriedAfterTheServersDelay() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FakeTeacherServer server = new FakeTeacherServer(req -> calls.incrementAndGet() == 1
                ? new FakeTeacherServer.Response(429, """
                  {"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}""", "7")
                : FakeTeacherServer.Response.ok(FakeTeacherServer.openAiAnswer(
                  "{\"label\":\"bullish\",\"confidence\":0.9,\"sarcasm\":false}", 100, 20)))) {
            TeacherReply reply = client(TeacherProvider.OPENAI, server.baseUrl() + "/v1", "sk-secret").ask(post);
            assertThat(reply.answer()).contains("bullish");
            assertThat(reply.inputTokens()).isEqualTo(100);
            assertThat(slept).containsExactly(Duration.ofSeconds(7));
            assertThat(server.requests).hasSize(2).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/v1/chat/completions");
                assertThat(r.authorization()).isEqualTo("Bearer sk-secret");
                assertThat(r.body()).contains("data:image/png;base64,CQ==");
            });
        }
    }

    @Test
    void geminiServerErrorsBackOffExponentiallyThenGiveUpWithoutLeakingTheKey() throws Exception {
        try (FakeTeacherServer server = new FakeTeacherServer(req -> new FakeTeacherServer.Response(503, """
                {"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}""", null))) {
            HttpTeacherClient c = client(TeacherProvider.GEMINI, server.baseUrl(), "AIza-secret");
            assertThatThrownBy(() -> c.ask(post))
                    .isInstanceOf(TeacherCallException.class)
                    .hasMessage("HTTP 503: UNAVAILABLE: The model is overloaded. (after 3 attempts)")
                    .satisfies(e -> assertThat(((TeacherCallException) e).fatal()).isFalse())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AIza"));
            assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(server.requests.get(0).path()).isEqualTo("/v1beta/models/m:generateContent");
            assertThat(server.requests.get(0).googKey()).isEqualTo("AIza-secret");
        }
    }

    @Test
    void aBadKeyStopsTheRunAtOnce() throws Exception {
        try (FakeTeacherServer server = new FakeTeacherServer(req -> new FakeTeacherServer.Response(401, """
                {"error":{"message":"Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""", null))) {
            assertThatThrownBy(() -> client(TeacherProvider.OPENAI, server.baseUrl(), "sk-wrong").ask(post))
                    .isInstanceOf(TeacherCallException.class)
                    .satisfies(e -> assertThat(((TeacherCallException) e).fatal()).isTrue())
                    .hasMessageStartingWith("HTTP 401: invalid_request_error");
            assertThat(server.requests).hasSize(1);
            assertThat(slept).isEmpty();
        }
    }

    @Test
    void aCompatibleServerWithoutKeyGetsNoAuthorizationHeader() throws Exception {
        try (FakeTeacherServer server = new FakeTeacherServer(req -> FakeTeacherServer.Response.ok(
                FakeTeacherServer.openAiAnswer("{\"label\":\"neutral\",\"confidence\":0.5,\"sarcasm\":false}", 1, 1)))) {
            client(TeacherProvider.COMPATIBLE, server.baseUrl() + "/v1", null).ask(post);
            assertThat(server.requests.get(0).authorization()).isNull();
        }
    }

    @Test
    void retryAfterReadsSecondsAndRejectsGarbage() {
        assertThat(RetryAfter.parse(" 12 ")).isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryAfter.parse("soon")).isNull();
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isNegative();
    }

    @Test
    void anAnswerPastItsCapIsRejectedOnceNotParsedNorAskedAgain() throws Exception {
        String padding = " ".repeat(8 * 1024);
        try (FakeTeacherServer server = new FakeTeacherServer(req -> FakeTeacherServer.Response.ok(
                FakeTeacherServer.openAiAnswer("{\"label\":\"neutral\",\"confidence\":0.5,\"sarcasm\":false}" + padding, 1, 1)))) {
            HttpTeacherClient c = new HttpTeacherClient(TeacherProvider.COMPATIBLE, server.baseUrl() + "/v1", "m", null, Duration.ZERO,
                    new HttpTeacherClient.Retry(3, Duration.ofSeconds(2), Duration.ofSeconds(30)), slept::add, Duration.ofSeconds(5),
                    com.bizcharts.secrets.KeyTransport.STRICT, com.bizcharts.collect.http.BodyCap.ofKilobytes("teacher answer", 4, "[teacher] max_answer_kb"));
            assertThatThrownBy(() -> c.ask(post))
                    .isInstanceOf(TeacherCallException.class)
                    .hasMessageContaining("teacher answer body of")
                    .hasMessageContaining("is over its 4 KB cap ([teacher] max_answer_kb)");
            assertThat(server.requests).hasSize(1);
        }
    }
}
