package com.bizcharts.collect.http;

import java.net.URI;

/** A request that could not produce a {@link FetchResult}; the message names the URL and why. */
public class FetchException extends RuntimeException {

    private final URI uri;

    public FetchException(URI uri, String message, Throwable cause) {
        super(message + ": " + uri, cause);
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }

    /** 429, 5xx, timeouts or connection errors persisted through every attempt. */
    public static final class RetriesExhausted extends FetchException {
        private final int attempts;

        public RetriesExhausted(URI uri, int attempts, String lastProblem, Throwable cause) {
            super(uri, "gave up after " + attempts + " attempts (last: " + lastProblem + ")", cause);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }
    }

    /** A status that retrying cannot fix (403, 400, 410...). */
    public static final class UnexpectedStatus extends FetchException {
        private final int status;

        public UnexpectedStatus(URI uri, int status) {
            super(uri, "unexpected HTTP status " + status, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
