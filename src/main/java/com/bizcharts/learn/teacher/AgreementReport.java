package com.bizcharts.learn.teacher;

import com.bizcharts.store.labels.SentimentLabel;

import java.util.List;

/**
 * How far a teacher agrees with people, on the posts both labeled: accuracy, Cohen's kappa (agreement beyond
 * what the two label distributions give by chance) and the confusion matrix (rows human, columns teacher).
 */
public record AgreementReport(String provider, String model, String promptVersion, int n, double accuracy,
                              double kappa, int[][] confusion) {

    public record Pair(SentimentLabel human, SentimentLabel teacher) {}

    public static AgreementReport of(String provider, String model, String promptVersion, List<Pair> pairs) {
        int k = SentimentLabel.values().length;
        int[][] confusion = new int[k][k];
        for (Pair p : pairs) confusion[p.human().index()][p.teacher().index()]++;
        int n = pairs.size();
        if (n == 0) return new AgreementReport(provider, model, promptVersion, 0, Double.NaN, Double.NaN, confusion);
        double observed = 0, expected = 0;
        for (int i = 0; i < k; i++) {
            observed += confusion[i][i];
            double row = 0, col = 0;
            for (int j = 0; j < k; j++) {
                row += confusion[i][j];
                col += confusion[j][i];
            }
            expected += row * col;
        }
        observed /= n;
        expected /= (double) n * n;
        double kappa = expected == 1 ? 1 : (observed - expected) / (1 - expected);
        return new AgreementReport(provider, model, promptVersion, n, observed, kappa, confusion);
    }
}
