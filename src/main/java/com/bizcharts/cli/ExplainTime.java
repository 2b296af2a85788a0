package com.bizcharts.cli;

import com.bizcharts.index.Bucket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The bucket {@code index --explain WHEN} names: a UTC day, or for hour buckets a day and hour. */
final class ExplainTime {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withResolverStyle(ResolverStyle.STRICT);

    private ExplainTime() {}

    static Instant parse(String when, Bucket bucket) {
        String w = when.strip();
        try {
            if (w.length() == 10) return bucket.start(LocalDate.parse(w).atStartOfDay().toInstant(ZoneOffset.UTC));
            if (bucket == Bucket.HOUR) return LocalDateTime.parse(w, HOUR).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // said below, in the same words for every malformed value
        }
        throw new IllegalArgumentException("--explain " + when + ": not a " + (bucket == Bucket.HOUR
                ? "day or hour, expected YYYY-MM-DD or YYYY-MM-DDTHH" : "date, expected YYYY-MM-DD"));
    }
}
