package com.bizcharts.learn.drift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * ADWIN (ADaptive WINdowing, Bifet and Gavaldà 2007, the ADWIN2 variant with an exponential histogram).
 *
 * <p>Keeps a window of recent values (here: 1 for a wrong prediction, 0 for a right one) and drops its older part
 * whenever the older and newer parts have means that differ by more than the Hoeffding-style bound
 * {@code eps = sqrt(2 m v ln(2 ln(W)/delta)) + 2/3 m ln(2 ln(W)/delta)}. With confidence {@code delta} the
 * window never shrinks on a stationary stream; after a change it shrinks to roughly the part after the change.
 *
 * <p>Written here rather than taken from MOA because MOA is GPL. The bucket bookkeeping follows the paper: row
 * {@code i} holds buckets of {@code 2^i} values, at most {@link #MAX_BUCKETS_PER_ROW} per row, so memory and
 * time per value are logarithmic in the window length. Not thread-safe: one detector per stream.
 */
public final class Adwin {

    /** The paper's M: how many buckets of one size are kept before the two oldest merge. */
    static final int MAX_BUCKETS_PER_ROW = 5;
    /** Cuts are looked for every CLOCK values, as in the reference implementation: checking is the costly part. */
    static final int CLOCK = 32;
    /** Neither sub-window may be shorter than this when a cut is tested. */
    static final int MIN_SUB_WINDOW = 5;
    /** No cut is tested while the window is shorter than this. */
    static final int MIN_WINDOW = 10;

    private final double delta;
    /** rows.get(i): buckets of 2^i values, newest first. */
    private final List<Deque<Bucket>> rows = new ArrayList<>();
    private long width;
    private double total;
    /** Sum of squared deviations from the window mean (variance times width). */
    private double m2;
    private long seen;
    private long detections;

    public Adwin(double delta) {
        if (!(delta > 0 && delta < 1)) throw new IllegalArgumentException("ADWIN delta must be in (0, 1), got " + delta);
        this.delta = delta;
    }

    /** The prototype's default confidence. */
    public static Adwin standard() {
        return new Adwin(0.002);
    }

    /**
     * Adds one value and reports whether the window was cut, i.e. a change in the stream's mean was detected.
     */
    public boolean add(double value) {
        insert(value);
        seen++;
        if (seen % CLOCK != 0 || width <= MIN_WINDOW) return false;
        boolean changed = false;
        while (cutOnce()) changed = true;
        if (changed) detections++;
        return changed;
    }

    public long width() { return width; }

    public double mean() { return width == 0 ? 0 : total / width; }

    public double variance() { return width == 0 ? 0 : m2 / width; }

    public long detections() { return detections; }

    public double delta() { return delta; }

    private void insert(double value) {
        if (width > 0) {
            double meanBefore = total / width;
            m2 += (value - meanBefore) * (value - meanBefore) * width / (width + 1);
        }
        width++;
        total += value;
        row(0).addFirst(new Bucket(1, value, 0));
        compress();
    }

    /** Merges the two oldest buckets of any row that overflowed into one bucket of the next row. */
    private void compress() {
        for (int i = 0; i < rows.size(); i++) {
            Deque<Bucket> row = rows.get(i);
            if (row.size() <= MAX_BUCKETS_PER_ROW) break;
            Bucket oldest = row.removeLast();
            Bucket older = row.removeLast();
            row(i + 1).addFirst(older.mergeWith(oldest));
        }
    }

    /** Tests every split point from the oldest end; on the first significant one drops the oldest bucket. */
    private boolean cutOnce() {
        double n0 = 0, s0 = 0;
        double n1 = width, s1 = total;
        double logTerm = Math.log(2 * Math.log(width) / delta);
        double v = variance();
        for (int i = rows.size() - 1; i >= 0; i--) {
            Iterator<Bucket> oldestFirst = rows.get(i).descendingIterator();
            while (oldestFirst.hasNext()) {
                Bucket b = oldestFirst.next();
                n0 += b.n;
                s0 += b.sum;
                n1 -= b.n;
                s1 -= b.sum;
                if (n1 <= MIN_SUB_WINDOW + 1) return false;
                if (n0 > MIN_SUB_WINDOW + 1 && significant(n0, n1, s0 / n0, s1 / n1, v, logTerm)) {
                    dropOldest();
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean significant(double n0, double n1, double mean0, double mean1, double v, double logTerm) {
        double m = 1 / (n0 - MIN_SUB_WINDOW + 1) + 1 / (n1 - MIN_SUB_WINDOW + 1);
        double epsilon = Math.sqrt(2 * m * v * logTerm) + 2.0 / 3.0 * logTerm * m;
        return Math.abs(mean0 - mean1) > epsilon;
    }

    private void dropOldest() {
        int top = rows.size() - 1;
        Bucket b = rows.get(top).removeLast();
        long rest = width - b.n;
        if (rest > 0) {
            double meanB = b.sum / b.n;
            double meanRest = (total - b.sum) / rest;
            m2 -= b.m2 + (double) b.n * rest / width * (meanB - meanRest) * (meanB - meanRest);
        } else {
            m2 = 0;
        }
        m2 = Math.max(0, m2);
        width = rest;
        total -= b.sum;
        if (rows.get(top).isEmpty()) rows.remove(top);
    }

    private Deque<Bucket> row(int i) {
        while (rows.size() <= i) rows.add(new ArrayDeque<>());
        return rows.get(i);
    }

    private record Bucket(long n, double sum, double m2) {
        Bucket mergeWith(Bucket o) {
            double d = sum / n - o.sum / o.n;
            return new Bucket(n + o.n, sum + o.sum, m2 + o.m2 + (double) n * o.n / (n + o.n) * d * d);
        }
    }
}
