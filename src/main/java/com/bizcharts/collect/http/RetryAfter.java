package com.bizcharts.collect.http;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads a Retry-After header: delta-seconds or an HTTP-date (RFC 9110). Unreadable values give null. A value past
 * {@link #MAX} is clamped to it: {@code Retry-After: 9223372036854775807} overflowed every clock it was added to.
 */
public final class RetryAfter {

    /** The longest wait a server may ask for; past this we would rather fail the request at the next attempt. */
    public static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {}

    public static Duration parse(String value) {
        return parse(value, Instant.now());
    }

    /** @param now the caller's clock, so an HTTP-date is measured against the same time the pacer uses */
    public static Duration parse(String value, Instant now) {
        String v = value.strip();
        if (v.matches("-?\\d+")) {
            // More digits than a long holds are still "a very long time", not an unreadable header.
            if (v.length() > 12) return v.startsWith("-") ? Duration.ZERO : MAX;
            return clamp(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            return clamp(Duration.between(now, at.toInstant()));
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
