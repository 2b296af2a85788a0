package com.bizcharts.collect.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * GETs for one host group, politely: every attempt waits for the group's {@link RateLimiter}; 429, 5xx, timeouts and
 * connection errors are retried after a deterministic backoff (or the server's {@code Retry-After}); 304 and 404 are
 * ordinary outcomes. Share one instance between everything that talks to the same hosts.
 */
public final class PoliteFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

    private final HttpClient client;
    private final RateLimiter limiter;
    private final Backoff backoff;
    private final String userAgent;
    private final Duration requestTimeout;
    private final TimeSource time;

    public PoliteFetcher(HttpClient client, RateLimiter limiter, Backoff backoff, String userAgent,
                         Duration requestTimeout, TimeSource time) {
        this.client = client;
        this.limiter = limiter;
        this.backoff = backoff;
        this.userAgent = userAgent;
        this.requestTimeout = requestTimeout;
        this.time = time;
    }

    /** A fetcher with its own JDK client that follows redirects (image hosts do redirect) over real time. */
    public static PoliteFetcher create(Duration minInterval, Backoff backoff, String userAgent, Duration requestTimeout) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(requestTimeout)
                .build();
        return new PoliteFetcher(client, new RateLimiter(minInterval, TimeSource.SYSTEM), backoff, userAgent,
                requestTimeout, TimeSource.SYSTEM);
    }

    public FetchResult get(URI uri) throws InterruptedException {
        return get(uri, null);
    }

    /**
     * @param ifModifiedSince a previous {@code Last-Modified} value, sent back verbatim, or null
     * @throws FetchException.RetriesExhausted when every attempt failed transiently
     * @throws FetchException.UnexpectedStatus on a status retrying cannot fix
     */
    public FetchResult get(URI uri, String ifModifiedSince) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout)
                .header("User-Agent", userAgent);
        if (ifModifiedSince != null && !ifModifiedSince.isBlank()) builder.header("If-Modified-Since", ifModifiedSince);
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            limiter.acquire();
            String problem;
            Throwable cause = null;
            Duration wait;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
                if (status >= 200 && status < 300) {
                    return new FetchResult(uri, FetchResult.Outcome.OK, status, response.body(), lastModified, attempt);
                }
                if (status == 304) {
                    return new FetchResult(uri, FetchResult.Outcome.NOT_MODIFIED, status, null,
                            lastModified == null ? ifModifiedSince : lastModified, attempt);
                }
                if (status == 404) return new FetchResult(uri, FetchResult.Outcome.NOT_FOUND, status, null, null, attempt);
                if (status != 429 && status < 500) throw new FetchException.UnexpectedStatus(uri, status);
                problem = "HTTP " + status;
                wait = backoff.delayAfter(attempt);
                Optional<Duration> retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                if (retryAfter.isPresent()) {
                    wait = retryAfter.get().compareTo(backoff.max()) > 0 ? backoff.max() : retryAfter.get();
                    // The server asked the whole host group to wait, not only this request.
                    limiter.holdUntil(time.now().plus(wait));
                }
            } catch (HttpTimeoutException e) {
                problem = "timed out after " + requestTimeout.toMillis() + " ms";
                cause = e;
                wait = backoff.delayAfter(attempt);
            } catch (IOException e) {
                problem = "connection error: " + e;
                cause = e;
                wait = backoff.delayAfter(attempt);
            }
            if (attempt >= backoff.maxAttempts()) {
                throw new FetchException.RetriesExhausted(uri, attempt, problem, cause);
            }
            LOG.info("{} for {}; retrying in {} ms (attempt {}/{})", problem, uri, wait.toMillis(), attempt + 1,
                    backoff.maxAttempts());
            time.sleep(wait);
        }
    }

    /** {@code Retry-After} is either delta-seconds or an HTTP-date; anything else is ignored. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) return Optional.empty();
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(time.now(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
