package com.bizcharts.index;

import com.bizcharts.store.PricePoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * A coin's closes as prices at instants: the close of the bar {@code [ts, ts + len)} is the price at {@code ts + len}.
 * Lookups are exact: a time without a bar ending there has no price, rather than a stale or a later one.
 */
public final class PriceSeries {

    private final String coin;
    private final Duration barLength;
    private final TreeMap<Instant, Double> atEnd = new TreeMap<>();

    public PriceSeries(String coin, Duration barLength, List<PricePoint> bars) {
        this.coin = coin;
        this.barLength = barLength;
        for (PricePoint p : bars) atEnd.put(p.ts().plus(barLength), p.close());
    }

    public String coin() { return coin; }

    public Duration barLength() { return barLength; }

    /** The price at {@code t}, or NaN when no bar ends exactly then. */
    public double at(Instant t) {
        Double p = atEnd.get(t);
        return p == null ? Double.NaN : p;
    }

    /** The simple return from {@code t} to {@code t + horizon}, or NaN when either price is missing. */
    public double forwardReturn(Instant t, Duration horizon) {
        double a = at(t), b = at(t.plus(horizon));
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : b / a - 1;
    }

    public boolean isEmpty() { return atEnd.isEmpty(); }

    public int size() { return atEnd.size(); }

    /** Prices at bar ends, oldest first (for charts). */
    public java.util.NavigableMap<Instant, Double> points() {
        return java.util.Collections.unmodifiableNavigableMap(atEnd);
    }
}
