package com.bizcharts.collect.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * GETs for the collectors: paced by a shared {@link RequestPacer}, conditional (If-Modified-Since), retried with
 * backoff on 429, 5xx, timeouts and connection errors, honouring Retry-After. 304 and 404 are ordinary outcomes.
 * Safe to share between threads: the pacer serialises the timing, the JDK client is thread-safe.
 */
public final class PoliteHttp {

    private final HttpClient client;
    private final RequestPacer pacer;
    private final Backoff backoff;
    private final Duration timeout;
    private final String userAgent;

    public PoliteHttp(RequestPacer pacer, Backoff backoff, Duration timeout, String userAgent) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.pacer = pacer;
        this.backoff = backoff;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    public FetchResult get(URI uri) throws FetchException, InterruptedException {
        return get(uri, null);
    }

    /** @param ifModifiedSince a previous Last-Modified value, or null for an unconditional GET */
    public FetchResult get(URI uri, String ifModifiedSince) throws FetchException, InterruptedException {
        return send(uri, ifModifiedSince, Map.of());
    }

    /**
     * An unconditional GET with extra request headers (an API key, Accept). Header values never appear in a
     * {@link FetchException}'s message, so a key sent this way stays out of logs.
     */
    public FetchResult getWithHeaders(URI uri, Map<String, String> headers) throws FetchException, InterruptedException {
        return send(uri, null, headers);
    }

    private FetchResult send(URI uri, String ifModifiedSince, Map<String, String> headers) throws FetchException, InterruptedException {
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
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                lastStatus = r.statusCode();
                if (lastStatus == 200 || lastStatus == 304 || lastStatus == 404) {
                    return new FetchResult(lastStatus, lastStatus == 200 ? r.body() : new byte[0],
                            r.headers().firstValue("Last-Modified").orElse(null), attempt);
                }
                problem = "HTTP " + lastStatus;
                body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                if (lastStatus != 429 && lastStatus / 100 != 5) {
                    throw new FetchException(uri + ": " + problem, lastStatus, body);
                }
                Duration asked = r.headers().firstValue("Retry-After")
                        .map(v -> RetryAfter.parse(v, pacer.now())).orElse(null);
                if (asked != null) {
                    // The server's word wins over our backoff, even past its cap; a date in the past means now.
                    wait = asked.isNegative() ? Duration.ZERO : asked;
                    pacer.holdOff(wait);
                }
            } catch (HttpTimeoutException e) {
                problem = "timed out after " + timeout.toSeconds() + " s";
                lastStatus = 0;
                body = null;
            } catch (IOException e) {
                problem = "connection failed (" + e.getClass().getSimpleName() + ")";
                lastStatus = 0;
                body = null;
            }
            if (attempt < backoff.maxAttempts()) pacer.sleep(wait);
        }
        throw new FetchException(uri + ": " + problem + " after " + backoff.maxAttempts() + " attempts", lastStatus, body);
    }
}
