package com.bizcharts.collect.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header: delta-seconds or an HTTP-date (RFC 9110). Unreadable values give null. */
public final class RetryAfter {

    private RetryAfter() {}

    public static Duration parse(String value) {
        return parse(value, java.time.Instant.now());
    }

    /** @param now the caller's clock, so an HTTP-date is measured against the same time the pacer uses */
    public static Duration parse(String value, java.time.Instant now) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.between(now, at.toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
