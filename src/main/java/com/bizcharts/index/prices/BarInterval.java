package com.bizcharts.index.prices;

import com.bizcharts.index.Bucket;

/** Price bars come in the index's buckets: {@code 1h} is {@link Bucket#HOUR}, {@code 1d} is {@link Bucket#DAY}. */
public final class BarInterval {

    private BarInterval() {}

    public static String code(Bucket b) {
        return b == Bucket.HOUR ? "1h" : "1d";
    }

    public static Bucket parse(String s) {
        return switch (s == null ? "" : s.strip()) {
            case "1h", "hour" -> Bucket.HOUR;
            case "1d", "day" -> Bucket.DAY;
            default -> throw new IllegalArgumentException("--interval must be 1h or 1d, got '" + s + "'");
        };
    }
}
