package com.bizcharts.index;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Time buckets of the index: an hour or a day, in UTC. */
public enum Bucket {
    HOUR(Duration.ofHours(1), ChronoUnit.HOURS), DAY(Duration.ofDays(1), ChronoUnit.DAYS);

    private final Duration length;
    private final ChronoUnit unit;

    Bucket(Duration length, ChronoUnit unit) {
        this.length = length;
        this.unit = unit;
    }

    public Duration length() { return length; }

    public Instant start(Instant t) { return t.truncatedTo(unit); }

    /** How many buckets make the 30-day activity baseline. */
    public int baselineBuckets() { return (int) (Duration.ofDays(30).toSeconds() / length.toSeconds()); }

    public static Bucket of(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bucket must be hour or day, got '" + s + "'");
        }
    }
}
