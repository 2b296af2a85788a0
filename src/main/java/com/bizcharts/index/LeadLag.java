package com.bizcharts.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lead-lag between a sentiment signal and a coin's forward returns. The reading of bucket b is known at its end
 * {@code e = b + L}; at lag k (in buckets) it is paired with the return over {@code [e + kL, e + kL + H]}.
 * <ul>
 *   <li>k >= 0: the return starts when the reading is already known, so a correlation there is sentiment leading
 *       price, and could have been traded (no look-ahead).</li>
 *   <li>k < 0: the return happened (at least partly) before the reading: sentiment following price.</li>
 * </ul>
 * Each cell states its n. Returns over a horizon longer than a bucket overlap, so neighbouring pairs are not
 * independent: {@code nIndependent = n * min(1, L / H)} is what the confidence interval and the "too few" flag use.
 */
public final class LeadLag {

    /** Fewer independent pairs than this and a cell is flagged: its correlation is mostly noise. */
    public static final int MIN_INDEPENDENT = 30;

    public static final List<Duration> HORIZONS = List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7));

    /**
     * @param ciLow  95 % interval of the Pearson correlation over the independent pairs (NaN when too few)
     * @param note   why a cell is empty, or null
     */
    public record Cell(String signal, Duration horizon, int lag, int n, double nIndependent, double pearson,
                       double spearman, double ciLow, double ciHigh, boolean tooFew, String note) {

        public String horizonLabel() {
            return label(horizon);
        }
    }

    private LeadLag() {}

    public static List<Cell> compute(String name, List<SignalPoint> signal, Bucket bucket, PriceSeries prices,
                                     List<Duration> horizons, int maxLag) {
        List<Cell> out = new ArrayList<>();
        Duration len = bucket.length();
        for (Duration h : horizons) {
            for (int k = -maxLag; k <= maxLag; k++) {
                if (h.compareTo(prices.barLength()) < 0) {
                    out.add(new Cell(name, h, k, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true,
                            "needs " + label(h) + " prices (have " + label(prices.barLength()) + " bars)"));
                    continue;
                }
                List<double[]> pairs = new ArrayList<>();
                for (SignalPoint s : signal) {
                    Instant start = s.bucket().plus(len).plus(len.multipliedBy(k));
                    double r = prices.forwardReturn(start, h);
                    if (!Double.isNaN(r)) pairs.add(new double[]{s.value(), r});
                }
                out.add(cell(name, h, k, pairs, len));
            }
        }
        return out;
    }

    private static Cell cell(String name, Duration h, int k, List<double[]> pairs, Duration len) {
        int n = pairs.size();
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
        }
        double nInd = n * Math.min(1.0, (double) len.toSeconds() / h.toSeconds());
        double r = Correlation.pearson(x, y);
        double[] ci = Correlation.fisherInterval(r, nInd);
        return new Cell(name, h, k, n, nInd, r, Correlation.spearman(x, y), ci[0], ci[1], nInd < MIN_INDEPENDENT,
                n < 3 ? "fewer than 3 pairs" : null);
    }

    public static String label(Duration d) {
        return d.toHours() < 48 || d.toHours() % 24 != 0 ? d.toHours() + "h" : d.toDays() + "d";
    }
}
