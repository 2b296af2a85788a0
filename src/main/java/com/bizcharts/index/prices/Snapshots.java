package com.bizcharts.index.prices;

import com.bizcharts.index.Bucket;
import com.bizcharts.store.PricePoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns price snapshots (CoinGecko's and CoinMarketCap's series of [time, price]) into bars. A snapshot at time t
 * belongs to the bar that ends at or after it, {@code (ts, ts + len]}: one taken exactly at midnight is the close of
 * the day before. So a bar's close is the last price known by the bar's end, never a later one (no look-ahead), and
 * at most one sampling step older. Open, high and low come from the bar's snapshots alone (approximate; the analysis
 * uses closes only); volume is left out because these providers report 24-hour rolling volume, not the bar's.
 */
final class Snapshots {

    private Snapshots() {}

    /**
     * @param samples pairs of (epoch milliseconds, price), in any order; non-positive prices are skipped
     * @return the bars whose open time lies in {@code [from, to)}, oldest first
     */
    static List<PricePoint> toBars(String coin, String provider, Bucket interval, List<double[]> samples,
                                   Instant from, Instant to, Instant fetchedAt) {
        long len = interval.length().toMillis();
        TreeMap<Long, List<double[]>> byBar = new TreeMap<>();
        for (double[] s : samples) {
            long t = (long) s[0];
            if (!(s[1] > 0) || Double.isInfinite(s[1])) continue;
            long barStart = Math.floorDiv(t - 1, len) * len;  // (ts, ts + len]
            if (barStart < from.toEpochMilli() || barStart >= to.toEpochMilli()) continue;
            byBar.computeIfAbsent(barStart, k -> new ArrayList<>()).add(s);
        }
        List<PricePoint> out = new ArrayList<>(byBar.size());
        byBar.forEach((start, list) -> {
            list.sort((a, b) -> Double.compare(a[0], b[0]));
            double high = Double.NEGATIVE_INFINITY, low = Double.POSITIVE_INFINITY;
            for (double[] s : list) {
                high = Math.max(high, s[1]);
                low = Math.min(low, s[1]);
            }
            out.add(new PricePoint(coin, provider, BarInterval.code(interval), Instant.ofEpochMilli(start),
                    list.get(0)[1], high, low, list.get(list.size() - 1)[1], null, fetchedAt));
        });
        return out;
    }
}
