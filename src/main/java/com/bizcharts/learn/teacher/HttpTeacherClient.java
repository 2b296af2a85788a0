package com.bizcharts.learn.teacher;

import com.bizcharts.collect.http.BodyCap;
import com.bizcharts.collect.http.BodyTooLargeException;
import com.bizcharts.collect.http.BoundedExchange;
import com.bizcharts.collect.http.RetryAfter;
import com.bizcharts.secrets.KeyTransport;
import com.bizcharts.secrets.Redaction;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Talks to a teacher over HTTP: paces requests ({@code --rate-limit}), retries 429 and 5xx with exponential
 * backoff that honours Retry-After, and turns everything else into a clear, key-free failure. 401/403/404 stop
 * the run, because every further request would fail the same way and might still be billed. Each attempt is bounded
 * as a whole (headers and body) by the timeout, and the answer by a {@link BodyCap}. Whatever the server says goes
 * through {@link Redaction} first, since servers echo the key they were sent; and the key is sent only where
 * {@link KeyTransport} allows (https, or plain http to this machine's loopback).
 */
public final class HttpTeacherClient implements TeacherClient {

    /** Waits; tests pass one that only records the requested delays. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        public static Retry standard() {
            return new Retry(5, Duration.ofSeconds(2), Duration.ofMinutes(2));
        }
    }

    private final HttpClient http;
    private final ProviderFormat format;
    private final String baseUrl;
    private final String model;
    private final String apiKey;
    private final Duration pace;
    private final Retry retry;
    private final Sleeper sleeper;
    private final Duration timeout;
    private long lastRequestNanos = Long.MIN_VALUE;

    /** A client that refuses to send the key over plain http to anything but the loopback. */
    public HttpTeacherClient(TeacherProvider provider, String baseUrl, String model, String apiKey, Duration pace,
                             Retry retry, Sleeper sleeper, Duration timeout) {
        this(provider, baseUrl, model, apiKey, pace, retry, sleeper, timeout, KeyTransport.STRICT);
    }

    /** @throws IllegalArgumentException when {@code transport} forbids sending the key to {@code baseUrl} */
    public HttpTeacherClient(TeacherProvider provider, String baseUrl, String model, String apiKey, Duration pace,
                             Retry retry, Sleeper sleeper, Duration timeout, KeyTransport transport) {
        this(provider, baseUrl, model, apiKey, pace, retry, sleeper, timeout, transport, BodyCap.ofKilobytes("teacher answer", 1024, null));
    }

    /**
     * @param answerCap the most bytes one answer may have ({@code [teacher] max_answer_kb})
     * @throws IllegalArgumentException when {@code transport} forbids sending the key to {@code baseUrl}
     */
    public HttpTeacherClient(TeacherProvider provider, String baseUrl, String model, String apiKey, Duration pace,
                             Retry retry, Sleeper sleeper, Duration timeout, KeyTransport transport, BodyCap answerCap) {
        this.answerCap = answerCap;
        this.format = ProviderFormat.of(provider);
        transport.check(format.endpoint(baseUrl, model), apiKey, provider.keyVariable());
        this.baseUrl = baseUrl;
        this.model = model;
        this.apiKey = apiKey;
        this.pace = pace;
        this.retry = retry;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    private final BodyCap answerCap;

    @Override
    public TeacherReply ask(TeacherRequest request) throws TeacherCallException {
        HttpRequest.Builder b = HttpRequest.newBuilder(format.endpoint(baseUrl, model))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(format.requestBody(model, request)));
        for (Map.Entry<String, String> h : format.authHeaders(apiKey).entrySet()) b.header(h.getKey(), h.getValue());
        HttpRequest httpRequest = b.build();
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Duration wait = backoff(attempt);
            try {
                pace();
                HttpResponse<byte[]> response = BoundedExchange.send(http, httpRequest, answerCap, timeout);
                int status = response.statusCode();
                String body = new String(response.body(), StandardCharsets.UTF_8);
                if (status / 100 == 2) {
                    try {
                        // redacted whole, before anything cuts the text short and leaves half a key behind
                        TeacherReply reply = format.readReply(body);
                        return new TeacherReply(redact(reply.answer()), redact(reply.refusal()), reply.inputTokens(),
                                reply.outputTokens());
                    } catch (MalformedAnswerException e) {
                        throw new TeacherCallException("malformed", redact(e.getMessage()), false);
                    }
                }
                lastProblem = describe(status, body);
                if (status == 401 || status == 403 || status == 404) {
                    throw new TeacherCallException("http", lastProblem, true);
                }
                if (status != 429 && status / 100 != 5) throw new TeacherCallException("http", lastProblem, false);
                wait = response.headers().firstValue("Retry-After").map(RetryAfter::parse)
                        .filter(d -> !d.isNegative()).orElse(wait);
            } catch (BodyTooLargeException e) {
                // an answer that size is not a verdict, and asking again would be billed again
                throw new TeacherCallException("malformed", e.getMessage(), false);
            } catch (HttpTimeoutException e) {
                lastProblem = "timed out after " + timeout.toSeconds() + " s";
            } catch (IOException e) {
                lastProblem = "connection failed: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TeacherCallException("http", "interrupted", true);
            }
            if (attempt < retry.maxAttempts()) sleep(min(wait, retry.maxBackoff()));
        }
        throw new TeacherCallException(lastProblem.startsWith("timed out") ? "timeout" : "http",
                lastProblem + " (after " + retry.maxAttempts() + " attempts)", false);
    }

    private String describe(int status, String body) {
        String reason = redact(format.errorMessage(body));
        return "HTTP " + status + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }

    /** Server text without our key, nor anything else shaped like a key. */
    @Override
    public String redact(String serverText) {
        return Redaction.redact(serverText, apiKey);
    }

    private Duration backoff(int attempt) {
        long ms = retry.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(ms, retry.maxBackoff().toMillis()));
    }

    private void pace() throws InterruptedException {
        long now = System.nanoTime();
        if (lastRequestNanos != Long.MIN_VALUE) {
            long due = lastRequestNanos + pace.toNanos();
            if (due > now) sleeper.sleep(Duration.ofNanos(due - now));
        }
        lastRequestNanos = System.nanoTime();
    }

    private void sleep(Duration d) throws TeacherCallException {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TeacherCallException("http", "interrupted", true);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
