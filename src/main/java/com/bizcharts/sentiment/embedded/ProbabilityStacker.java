package com.bizcharts.sentiment.embedded;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines base models' probabilities into calibrated ones: a small logistic regression over their log
 * probabilities, fitted on out-of-fold predictions (multi-class Platt scaling when there is a single base).
 * Out-of-fold matters: in-sample probabilities of an n-gram model are near-certain and would teach it nothing.
 */
public final class ProbabilityStacker {

    private static final double FLOOR = 1e-6;

    private final int bases;
    private final LinearClassifier classifier;

    private ProbabilityStacker(int bases, LinearClassifier classifier) {
        this.bases = bases;
        this.classifier = classifier;
    }

    /** @param outOfFold [post][base] probabilities, each from a model that did not see that post */
    public static ProbabilityStacker fit(double[][][] outOfFold, int[] labels, double c) {
        int bases = outOfFold[0].length;
        List<SparseVector> x = new ArrayList<>(outOfFold.length);
        for (double[][] post : outOfFold) x.add(input(post));
        return new ProbabilityStacker(bases, LinearClassifier.train(x, labels, bases * LinearClassifier.CLASSES, c, true));
    }

    private static SparseVector input(double[][] baseProbabilities) {
        double[] v = new double[baseProbabilities.length * LinearClassifier.CLASSES];
        int i = 0;
        for (double[] p : baseProbabilities) for (double q : p) v[i++] = Math.log(Math.max(q, FLOOR));
        return SparseVector.dense(v);
    }

    public double[] probabilities(double[][] baseProbabilities) {
        if (baseProbabilities.length != bases) throw new IllegalArgumentException("stacker expects " + bases + " bases");
        return classifier.probabilities(input(baseProbabilities));
    }

    public int bases() {
        return bases;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(bases);
        classifier.write(out);
    }

    public static ProbabilityStacker read(DataInputStream in) throws IOException {
        int bases = in.readInt();
        return new ProbabilityStacker(bases, LinearClassifier.read(in));
    }
}
