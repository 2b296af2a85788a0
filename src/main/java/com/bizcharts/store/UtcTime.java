package com.bizcharts.store;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The store's one time format: ISO-8601 UTC to the second, which sorts correctly as text. */
public final class UtcTime {
    private UtcTime() {}

    public static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
