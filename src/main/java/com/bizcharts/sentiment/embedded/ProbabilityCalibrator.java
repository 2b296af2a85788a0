package com.bizcharts.sentiment.embedded;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Calibrates the text model's probabilities on out-of-fold predictions: a temperature (fitted by likelihood, so the
 * confidence means what it says) and per-class log offsets for bearish and bullish (fitted for macro-F1, so the
 * rarer classes are not starved). Out-of-fold matters: in-sample n-gram probabilities are near-certain.
 */
public final class ProbabilityCalibrator {

    private static final double FLOOR = 1e-9;
    private static final double STEP = 0.05;
    private static final double RANGE = 0.6;

    private final double temperature;
    private final double[] offsets;

    public ProbabilityCalibrator(double temperature, double[] offsets) {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive");
        this.temperature = temperature;
        this.offsets = offsets.clone();
    }

    public static ProbabilityCalibrator identity() {
        return new ProbabilityCalibrator(1.0, new double[3]);
    }

    /**
     * @param outOfFold [post] probabilities from models that did not see that post
     * @param tuneOffsets whether to fit the class offsets (else only the temperature)
     */
    public static ProbabilityCalibrator fit(double[][] outOfFold, int[] labels, boolean tuneOffsets) {
        double bestT = 1, bestNll = Double.MAX_VALUE;
        for (double t = 0.25; t <= 4.0001; t *= 1.05) {
            double nll = 0;
            for (int i = 0; i < labels.length; i++) nll -= Math.log(Math.max(apply(outOfFold[i], t, new double[3])[labels[i]], FLOOR));
            if (nll < bestNll - 1e-12) {
                bestNll = nll;
                bestT = t;
            }
        }
        double[] best = new double[3];
        if (tuneOffsets) {
            double bestF1 = macroF1(outOfFold, labels, bestT, best);
            int steps = (int) Math.round(RANGE / STEP);
            for (int a = -steps; a <= steps; a++) {
                for (int b = -steps; b <= steps; b++) {
                    double[] o = {a * STEP, 0, b * STEP};
                    double f1 = macroF1(outOfFold, labels, bestT, o);
                    // prefer the smaller correction on ties: offsets are a nudge, not a second model
                    boolean smaller = Math.abs(o[0]) + Math.abs(o[2]) < Math.abs(best[0]) + Math.abs(best[2]);
                    if (f1 > bestF1 + 1e-9 || (Math.abs(f1 - bestF1) <= 1e-9 && smaller)) {
                        bestF1 = f1;
                        best = o;
                    }
                }
            }
        }
        return new ProbabilityCalibrator(bestT, best);
    }

    public double[] calibrate(double[] p) {
        return apply(p, temperature, offsets);
    }

    public double temperature() {
        return temperature;
    }

    public double[] offsets() {
        return offsets.clone();
    }

    private static double[] apply(double[] p, double t, double[] offsets) {
        double[] z = new double[3];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            z[k] = Math.log(Math.max(p[k], FLOOR)) / t + offsets[k];
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < 3; k++) z[k] /= sum;
        return z;
    }

    private static double macroF1(double[][] p, int[] y, double t, double[] offsets) {
        int[] tp = new int[3], fp = new int[3], fn = new int[3];
        for (int i = 0; i < y.length; i++) {
            double[] q = apply(p[i], t, offsets);
            int best = 0;
            for (int k = 1; k < 3; k++) if (q[k] > q[best]) best = k;
            if (best == y[i]) tp[best]++;
            else {
                fp[best]++;
                fn[y[i]]++;
            }
        }
        double f = 0;
        for (int k = 0; k < 3; k++) f += tp[k] == 0 ? 0 : 2.0 * tp[k] / (2.0 * tp[k] + fp[k] + fn[k]);
        return f / 3;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeDouble(temperature);
        for (double o : offsets) out.writeDouble(o);
    }

    public static ProbabilityCalibrator read(DataInputStream in) throws IOException {
        double t = in.readDouble();
        double[] o = new double[3];
        for (int k = 0; k < 3; k++) o[k] = in.readDouble();
        return new ProbabilityCalibrator(t, o);
    }
}
