package com.bizcharts.collect.http;

/** A GET that failed for good: retries exhausted, or an answer no retry will change (403, 400...). */
public final class FetchException extends Exception {

    private static final int MAX_BODY = 2000;

    private final int status;
    private final String body;

    public FetchException(String message, int status) {
        this(message, status, null);
    }

    /** @param body the last error answer's body (cut to 2000 characters), for callers that read an API's error JSON */
    public FetchException(String message, int status, String body) {
        super(message);
        this.status = status;
        this.body = body == null || body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY);
    }

    /** The last HTTP status seen, or 0 when no response came (timeout, connection refused). */
    public int status() {
        return status;
    }

    /** The last error answer's body, or null when there was none. */
    public String body() {
        return body;
    }
}
