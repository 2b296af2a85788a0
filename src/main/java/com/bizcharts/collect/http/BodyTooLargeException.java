package com.bizcharts.collect.http;

import java.io.IOException;

/** A response body longer than its {@link BodyCap}: the exchange was abandoned, nothing of the body is kept. */
public final class BodyTooLargeException extends IOException {
    public BodyTooLargeException(String message) {
        super(message);
    }
}
