package com.bizcharts.index;

import java.util.Arrays;
import java.util.Comparator;

/** Pearson and Spearman correlation, and a Fisher-z confidence interval. NaN where undefined (n < 3, no variance). */
public final class Correlation {

    private Correlation() {}

    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 3 || y.length != n) return Double.NaN;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Pearson on ranks, ties given their average rank. */
    public static double spearman(double[] x, double[] y) {
        return x.length < 3 ? Double.NaN : pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[order[k]] = avg;
            i = j + 1;
        }
        return r;
    }

    /** The 95 % interval of a correlation over {@code n} independent pairs: {low, high}, NaNs when n <= 3. */
    public static double[] fisherInterval(double r, double n) {
        if (Double.isNaN(r) || n <= 3) return new double[]{Double.NaN, Double.NaN};
        double z = 0.5 * Math.log((1 + r) / (1 - r)), se = 1 / Math.sqrt(n - 3);
        return new double[]{Math.tanh(z - 1.96 * se), Math.tanh(z + 1.96 * se)};
    }
}
