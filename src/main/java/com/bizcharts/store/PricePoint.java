package com.bizcharts.store;

import java.time.Instant;

/**
 * One closed price bar of a coin in US dollars, as a provider gave it.
 *
 * @param ts       the bar's open time (UTC); the bar covers {@code [ts, ts + interval)}
 * @param interval {@code "1h"} or {@code "1d"}
 * @param close    the price at the bar's end (snapshot providers: the last snapshot at or before it)
 * @param volume   the bar's own traded volume where the provider reports one, else null
 */
public record PricePoint(String coin, String provider, String interval, Instant ts, Double open, Double high,
                         Double low, double close, Double volume, Instant fetchedAt) {

    public PricePoint {
        if (!(close > 0) || Double.isInfinite(close)) {
            throw new IllegalArgumentException(provider + " " + coin + " " + ts + ": close price must be positive, got " + close);
        }
    }
}
