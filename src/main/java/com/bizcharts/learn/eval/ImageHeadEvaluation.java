package com.bizcharts.learn.eval;

import com.bizcharts.learn.train.StratifiedFolds;
import com.bizcharts.sentiment.embedded.LinearClassifier;
import com.bizcharts.sentiment.embedded.SparseVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Leave-one-out accuracy of a logistic head (LIBLINEAR, {@link LinearClassifier}) on small image sets, for one
 * feature set at a time. Features are standardised on each training split only, so the held-out image never
 * leaks into the scaling. With 20 or 30 images, read the Wilson interval before the point estimate.
 */
public final class ImageHeadEvaluation {

    /** One image: its feature vector and its class index 0..2. */
    public record Example(String name, double[] features, int label) {}

    /** Correct out of n, with a 95% Wilson score interval. */
    public record Accuracy(int correct, int n, double low, double high) {
        public double value() {
            return n == 0 ? Double.NaN : (double) correct / n;
        }
    }

    private ImageHeadEvaluation() {}

    /** Leave-one-out: each image predicted by a head trained on all the others. */
    public static Accuracy leaveOneOut(List<Example> examples, double c) {
        int n = examples.size();
        int[] labels = examples.stream().mapToInt(Example::label).toArray();
        int correct = 0;
        for (int[] heldOut : StratifiedFolds.split(labels, n, 16)) {
            int[] train = StratifiedFolds.complement(n, heldOut);
            double[][] scale = standardisation(examples, train);
            List<SparseVector> x = new ArrayList<>(train.length);
            int[] y = new int[train.length];
            for (int i = 0; i < train.length; i++) {
                x.add(SparseVector.dense(standardise(examples.get(train[i]).features(), scale)));
                y[i] = labels[train[i]];
            }
            int dim = examples.getFirst().features().length;
            LinearClassifier head = LinearClassifier.train(x, y, dim, c, true);
            for (int i : heldOut) {
                double[] p = head.probabilities(SparseVector.dense(standardise(examples.get(i).features(), scale)));
                if (CrossValidation.argmax(p) == labels[i]) correct++;
            }
        }
        return wilson(correct, n);
    }

    /** The 95% Wilson score interval of {@code correct} successes out of {@code n}. */
    public static Accuracy wilson(int correct, int n) {
        if (n == 0) return new Accuracy(0, 0, Double.NaN, Double.NaN);
        double z = 1.959963984540054, p = (double) correct / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Accuracy(correct, n, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Feature-wise concatenation, for "both" feature sets. */
    public static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[][] standardisation(List<Example> examples, int[] rows) {
        int d = examples.getFirst().features().length;
        double[] mean = new double[d], sd = new double[d];
        for (int r : rows) for (int j = 0; j < d; j++) mean[j] += examples.get(r).features()[j] / rows.length;
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                double e = examples.get(r).features()[j] - mean[j];
                sd[j] += e * e / rows.length;
            }
        }
        for (int j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) > 1e-9 ? Math.sqrt(sd[j]) : 1;
        return new double[][]{mean, sd};
    }

    private static double[] standardise(double[] v, double[][] scale) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) out[j] = (v[j] - scale[0][j]) / scale[1][j];
        return out;
    }
}
