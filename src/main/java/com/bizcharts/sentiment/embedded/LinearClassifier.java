package com.bizcharts.sentiment.embedded;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * L2-regularised logistic regression over three classes (bearish, neutral, bullish), one-vs-rest, trained by
 * LIBLINEAR's trust-region Newton solver (deterministic). Only the weights are kept, so inference is a sparse dot
 * product and the saved form does not depend on LIBLINEAR's file format.
 */
public final class LinearClassifier {

    public static final int CLASSES = 3;

    static {
        Linear.disableDebugOutput();
    }

    private final int dimension;
    /** [class][feature], with the bias as the last entry. */
    private final double[][] weights;

    private LinearClassifier(int dimension, double[][] weights) {
        this.dimension = dimension;
        this.weights = weights;
    }

    /**
     * @param c        inverse regularisation strength
     * @param balanced weight each class by n / (3 * count) so the rare bullish class counts as much as the others
     */
    public static LinearClassifier train(List<SparseVector> x, int[] y, int dimension, double c, boolean balanced) {
        int[] counts = new int[CLASSES];
        for (int label : y) counts[label]++;
        for (int k = 0; k < CLASSES; k++) {
            if (counts[k] == 0) throw new IllegalArgumentException("training needs posts of all three labels; "
                    + "none is " + com.bizcharts.store.labels.SentimentLabel.ofIndex(k).word());
        }
        Problem p = new Problem();
        p.l = x.size();
        p.n = dimension + 1;
        p.bias = 1.0;
        p.x = new Feature[x.size()][];
        p.y = new double[x.size()];
        for (int i = 0; i < x.size(); i++) {
            p.x[i] = features(x.get(i), dimension);
            p.y[i] = y[i];
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, 0.01);
        if (balanced) {
            double[] w = new double[CLASSES];
            for (int k = 0; k < CLASSES; k++) w[k] = (double) y.length / (CLASSES * counts[k]);
            parameter.setWeights(w, new int[] {0, 1, 2});
        }
        Model model;
        synchronized (Linear.class) {
            Linear.resetRandom();
            model = Linear.train(p, parameter);
        }
        double[] raw = model.getFeatureWeights();
        int[] labels = model.getLabels();
        double[][] w = new double[CLASSES][dimension + 1];
        for (int k = 0; k < CLASSES; k++) {
            for (int j = 0; j <= dimension; j++) w[labels[k]][j] = raw[j * CLASSES + k];
        }
        return new LinearClassifier(dimension, w);
    }

    private static Feature[] features(SparseVector v, int dimension) {
        Feature[] f = new Feature[v.size() + 1];
        for (int i = 0; i < v.size(); i++) {
            if (v.indices()[i] >= dimension) throw new IllegalArgumentException("feature index beyond dimension");
            f[i] = new FeatureNode(v.indices()[i] + 1, v.values()[i]);
        }
        f[v.size()] = new FeatureNode(dimension + 1, 1.0);
        return f;
    }

    public int dimension() {
        return dimension;
    }

    /** Bearish, neutral, bullish; the one-vs-rest sigmoids normalised to sum to 1 (as LIBLINEAR does). */
    public double[] probabilities(SparseVector v) {
        double[] p = new double[CLASSES];
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
            double[] w = weights[k];
            double z = w[dimension];
            for (int i = 0; i < v.size(); i++) {
                int j = v.indices()[i];
                if (j < dimension) z += w[j] * v.values()[i];
            }
            p[k] = 1.0 / (1.0 + Math.exp(-z));
            sum += p[k];
        }
        for (int k = 0; k < CLASSES; k++) p[k] /= sum;
        return p;
    }

    /** The weight of feature {@code j} for class {@code k}: used to explain which terms drove a verdict. */
    public double weight(int k, int j) {
        return weights[k][j];
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(dimension);
        for (double[] w : weights) for (double v : w) out.writeDouble(v);
    }

    public static LinearClassifier read(DataInputStream in) throws IOException {
        int dimension = in.readInt();
        if (dimension < 0 || dimension > 50_000_000) throw new IOException("bad classifier dimension " + dimension);
        double[][] w = new double[CLASSES][dimension + 1];
        for (double[] row : w) for (int j = 0; j < row.length; j++) row[j] = in.readDouble();
        return new LinearClassifier(dimension, w);
    }
}
