package com.bizcharts.learn.eval;

import java.util.List;

/**
 * Agreement between raters on the three labels (1 bearish, 2 neutral, 3 bullish), chance-corrected: Cohen's kappa for
 * two raters on the posts both rated, Fleiss' kappa and Krippendorff's alpha (nominal) over posts rated more than
 * once, whatever the number of raters per post. NaN where chance agreement is total (every rating the same class),
 * since the statistic is then undefined.
 */
public final class Agreement {

    public static final int CLASSES = 3;

    private Agreement() {}

    /** Cohen's kappa of paired ratings: {@code pairs[i] = {a, b}}, each in 1..3. */
    public static double cohensKappa(List<int[]> pairs) {
        if (pairs.isEmpty()) return Double.NaN;
        double n = pairs.size(), agree = 0;
        double[] a = new double[CLASSES], b = new double[CLASSES];
        for (int[] p : pairs) {
            if (p[0] == p[1]) agree++;
            a[p[0] - 1]++;
            b[p[1] - 1]++;
        }
        double po = agree / n, pe = 0;
        for (int c = 0; c < CLASSES; c++) pe += (a[c] / n) * (b[c] / n);
        return pe >= 1 ? Double.NaN : (po - pe) / (1 - pe);
    }

    /**
     * Fleiss' kappa over posts given as counts per class ({@code counts[i][c]}: raters who gave post i class c+1),
     * for any number of raters per post (at least two): each post's agreement is the share of agreeing rater pairs.
     */
    public static double fleissKappa(List<int[]> counts) {
        double meanAgreement = 0, total = 0;
        double[] perClass = new double[CLASSES];
        int items = 0;
        for (int[] c : counts) {
            int n = sum(c);
            if (n < 2) continue;
            double pairs = 0;
            for (int j = 0; j < CLASSES; j++) {
                pairs += c[j] * (c[j] - 1.0);
                perClass[j] += c[j];
            }
            meanAgreement += pairs / (n * (n - 1.0));
            total += n;
            items++;
        }
        if (items == 0) return Double.NaN;
        meanAgreement /= items;
        double pe = 0;
        for (double p : perClass) pe += (p / total) * (p / total);
        return pe >= 1 ? Double.NaN : (meanAgreement - pe) / (1 - pe);
    }

    /**
     * Krippendorff's alpha for nominal data from the same counts: 1 - (n - 1) * (disagreeing coincidences) /
     * (expected disagreement), where each post with m ratings adds 1/(m - 1) per ordered pair of its ratings.
     */
    public static double krippendorffAlpha(List<int[]> counts) {
        double[][] o = new double[CLASSES][CLASSES];
        for (int[] c : counts) {
            int m = sum(c);
            if (m < 2) continue;
            for (int x = 0; x < CLASSES; x++) {
                for (int y = 0; y < CLASSES; y++) {
                    double pairs = x == y ? c[x] * (c[x] - 1.0) : (double) c[x] * c[y];
                    o[x][y] += pairs / (m - 1.0);
                }
            }
        }
        double[] nc = new double[CLASSES];
        double n = 0, observed = 0;
        for (int x = 0; x < CLASSES; x++) {
            for (int y = 0; y < CLASSES; y++) {
                nc[x] += o[x][y];
                if (x != y) observed += o[x][y];
            }
            n += nc[x];
        }
        double expected = 0;
        for (int x = 0; x < CLASSES; x++) for (int y = 0; y < CLASSES; y++) if (x != y) expected += nc[x] * nc[y];
        if (n == 0 || expected == 0) return Double.NaN;
        return 1 - (n - 1) * observed / expected;
    }

    private static int sum(int[] c) {
        int s = 0;
        for (int v : c) s += v;
        return s;
    }
}
