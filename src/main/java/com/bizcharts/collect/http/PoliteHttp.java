package com.bizcharts.collect.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * GETs for the collectors: paced by a shared {@link RequestPacer}, conditional (If-Modified-Since), retried with
 * backoff on 429, 5xx, timeouts and connection errors, honouring Retry-After. 304 and 404 are ordinary outcomes.
 * Each attempt is bounded as a whole, headers and body, by the timeout, and each body by a {@link BodyCap}: a slow
 * or endless server costs at most {@code timeout} per attempt and never more memory than the cap.
 * Safe to share between threads: the pacer serialises the timing, the JDK client is thread-safe.
 */
public final class PoliteHttp {

    private final HttpClient client;
    private final RequestPacer pacer;
    private final Backoff backoff;
    private final Duration timeout;
    private final String userAgent;
    private final BodyCap defaultCap;
    private final java.util.List<java.util.function.Consumer<RetryNotice>> retryListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public PoliteHttp(RequestPacer pacer, Backoff backoff, Duration timeout, String userAgent) {
        this(pacer, backoff, timeout, userAgent, BodyCap.DEFAULT);
    }

    /** @param defaultCap the cap of requests that name none ({@link #get(URI)}, {@link #getWithHeaders}) */
    public PoliteHttp(RequestPacer pacer, Backoff backoff, Duration timeout, String userAgent, BodyCap defaultCap) {
        // a connection that takes more than 10 s is down: say so (and retry) early rather than after the whole timeout
        this.client = HttpClient.newBuilder().connectTimeout(timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.pacer = pacer;
        this.backoff = backoff;
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.defaultCap = defaultCap;
    }

    private static final Duration MAX_CONNECT = Duration.ofSeconds(10);

    /** Tells {@code listener} of every failed attempt that will be retried (and the last); returns how to stop. */
    public Runnable onRetry(java.util.function.Consumer<RetryNotice> listener) {
        retryListeners.add(listener);
        return () -> retryListeners.remove(listener);
    }

    public FetchResult get(URI uri) throws FetchException, InterruptedException {
        return send(uri, null, Map.of(), defaultCap);
    }

    public FetchResult get(URI uri, BodyCap cap) throws FetchException, InterruptedException {
        return send(uri, null, Map.of(), cap);
    }

    /** @param ifModifiedSince a previous Last-Modified value, or null for an unconditional GET */
    public FetchResult get(URI uri, String ifModifiedSince, BodyCap cap) throws FetchException, InterruptedException {
        return send(uri, ifModifiedSince, Map.of(), cap);
    }

    /**
     * An unconditional GET with extra request headers (an API key, Accept). Header values never appear in a
     * {@link FetchException}'s message, so a key sent this way stays out of logs.
     */
    public FetchResult getWithHeaders(URI uri, Map<String, String> headers) throws FetchException, InterruptedException {
        return send(uri, null, headers, defaultCap);
    }

    private FetchResult send(URI uri, String ifModifiedSince, Map<String, String> headers, BodyCap cap)
            throws FetchException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent).GET();
        if (ifModifiedSince != null) b.header("If-Modified-Since", ifModifiedSince);
        headers.forEach(b::header);
        HttpRequest request = b.build();
        String body = null;
        String problem = "";
        int lastStatus = 0;
        for (int attempt = 1; attempt <= backoff.maxAttempts(); attempt++) {
            Duration wait = backoff.delay(attempt);
            pacer.acquire();
            try {
                HttpResponse<byte[]> r = BoundedExchange.send(client, request, cap, timeout);
                lastStatus = r.statusCode();
                if (lastStatus == 200 || lastStatus == 304 || lastStatus == 404) {
                    return new FetchResult(lastStatus, lastStatus == 200 ? r.body() : new byte[0],
                            r.headers().firstValue("Last-Modified").orElse(null), attempt);
                }
                problem = "HTTP " + lastStatus;
                body = new String(r.body(), StandardCharsets.UTF_8);
                if (lastStatus != 429 && lastStatus / 100 != 5) {
                    throw new FetchException(uri + ": " + problem, lastStatus, body);
                }
                Duration asked = r.headers().firstValue("Retry-After")
                        .map(v -> RetryAfter.parse(v, pacer.now())).orElse(null);
                if (asked != null) {
                    // The server's word wins over our backoff, even past its cap (RetryAfter clamps absurd values);
                    // a date in the past means now.
                    wait = asked.isNegative() ? Duration.ZERO : asked;
                    pacer.holdOff(wait);
                }
            } catch (BodyTooLargeException e) {
                // A body this size is what the server serves, not a hiccup: retrying would only fetch it again.
                throw new FetchException(uri + ": " + e.getMessage(), 0);
            } catch (HttpTimeoutException e) {
                problem = "timed out after " + describe(timeout) + " (headers and body)";
                lastStatus = 0;
                body = null;
            } catch (IOException e) {
                problem = "connection failed (" + e.getClass().getSimpleName() + ")";
                lastStatus = 0;
                body = null;
            } finally {
                pacer.release();
            }
            RetryNotice notice = new RetryNotice(uri, attempt, backoff.maxAttempts(), problem, wait);
            for (var l : retryListeners) l.accept(notice);
            if (attempt < backoff.maxAttempts()) pacer.sleep(wait);
        }
        throw new FetchException(uri + ": " + problem + " after " + backoff.maxAttempts() + " attempts", lastStatus, body);
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
