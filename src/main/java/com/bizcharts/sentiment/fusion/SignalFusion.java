package com.bizcharts.sentiment.fusion;

import com.bizcharts.sentiment.SentimentLabel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Fuses per-signal readings into one verdict and estimates sarcasm from text-image incongruity: when the text says
 * one thing and the image the opposite (|text score - image score| above the threshold, e.g. "this is fine" under
 * a pink wojak), the text is probably not meant literally, so its reading is partly flipped before fusing.
 */
public final class SignalFusion {

    /** Steepness of the sarcasm curve around the threshold: a gap 0.2 past it gives about 0.9. */
    private static final double SARCASM_SLOPE = 12.0;

    private final FusionWeights weights;

    public SignalFusion(FusionWeights weights) {
        this.weights = weights;
    }

    public FusionWeights weights() {
        return weights;
    }

    /** The outcome of fusion: final probabilities, sarcasm, the literal text label and the drivers. */
    public record Fused(double[] probabilities, double sarcasm, SentimentLabel literal, List<String> drivers) {
        public SentimentLabel label() {
            return SentimentLabel.ofIndex(argmax(probabilities));
        }

        public double score() {
            return probabilities[2] - probabilities[0];
        }
    }

    /** @param readings the available signals; TEXT must be among them */
    public Fused fuse(List<SignalReading> readings) {
        SignalReading text = readings.stream().filter(r -> r.signal() == Signal.TEXT).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("fusion needs the text signal"));
        SignalReading image = readings.stream().filter(r -> r.signal() == Signal.IMAGE).findFirst().orElse(null);
        double sarcasm = image == null ? 0.0 : sarcasm(text.score(), image.score(), weights.sarcasmThreshold());

        double[] fused = new double[3];
        double total = 0;
        for (SignalReading r : readings) {
            double w = weights.of(r.signal());
            if (w == 0) continue;
            double[] p = r.signal() == Signal.TEXT ? flipPartly(r.probabilities(), sarcasm) : r.probabilities();
            for (int k = 0; k < 3; k++) fused[k] += w * p[k];
            total += w;
        }
        if (total == 0) {
            fused = text.probabilities().clone();
        } else {
            for (int k = 0; k < 3; k++) fused[k] /= total;
        }
        return new Fused(fused, sarcasm, SentimentLabel.ofIndex(argmax(text.probabilities())), drivers(readings, sarcasm));
    }

    /** Logistic in the text-image gap, 0.5 exactly at the threshold. */
    public static double sarcasm(double textScore, double imageScore, double threshold) {
        double gap = Math.abs(textScore - imageScore);
        return 1.0 / (1.0 + Math.exp(-SARCASM_SLOPE * (gap - threshold)));
    }

    /** Moves {@code s} of the mass from bearish to bullish and back: a sarcastic "bullish" text reads bearish. */
    static double[] flipPartly(double[] p, double s) {
        if (s == 0) return p;
        return new double[] {(1 - s) * p[0] + s * p[2], p[1], (1 - s) * p[2] + s * p[0]};
    }

    private List<String> drivers(List<SignalReading> readings, double sarcasm) {
        List<SignalReading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparingDouble((SignalReading r) -> -Math.abs(r.score()) * weights.of(r.signal()))
                .thenComparing(r -> r.signal().ordinal()));
        List<String> out = new ArrayList<>();
        for (SignalReading r : sorted) {
            String d = String.format(Locale.ROOT, "%s:%+.2f", r.signal().word(), r.score());
            out.add(r.detail().isEmpty() ? d : d + " " + r.detail());
        }
        if (sarcasm >= 0.5) out.add(0, String.format(Locale.ROOT, "sarcasm:%.2f (text and image disagree)", sarcasm));
        return out;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
