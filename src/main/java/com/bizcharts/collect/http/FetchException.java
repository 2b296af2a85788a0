package com.bizcharts.collect.http;

/** A GET that failed for good: retries exhausted, or an answer no retry will change (403, 400...). */
public final class FetchException extends Exception {

    private final int status;

    public FetchException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The last HTTP status seen, or 0 when no response came (timeout, connection refused). */
    public int status() {
        return status;
    }
}
