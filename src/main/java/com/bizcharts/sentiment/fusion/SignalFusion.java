package com.bizcharts.sentiment.fusion;

import com.bizcharts.store.labels.SentimentLabel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fuses per-signal readings into one verdict and estimates sarcasm from text-image incongruity: when the text says
 * one thing and the image the opposite (|text score - image score| above the threshold, e.g. "this is fine" under
 * a pink wojak), the text is probably not meant literally, so its reading is partly flipped before fusing.
 * Readings are first averaged within their family (text, image, OCR, context; see {@link Signal#family()}), then
 * the families are mixed with their weights, renormalised over the families present: a text-only post gets exactly
 * the text reading.
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

    /** @param readings the available signals; at least one of the text family must be among them */
    public Fused fuse(List<SignalReading> readings) {
        Map<Signal, double[]> families = families(readings);
        double[] text = families.get(Signal.TEXT);
        if (text == null) throw new IllegalArgumentException("fusion needs the text signal");
        double[] image = families.get(Signal.IMAGE);
        double sarcasm = image == null ? 0.0 : sarcasm(score(text), score(image), weights.sarcasmThreshold());

        double[] fused = new double[3];
        double total = 0;
        for (Map.Entry<Signal, double[]> f : families.entrySet()) {
            double w = weights.of(f.getKey());
            if (w == 0) continue;
            double[] p = f.getKey() == Signal.TEXT ? flipPartly(f.getValue(), sarcasm) : f.getValue();
            for (int k = 0; k < 3; k++) fused[k] += w * p[k];
            total += w;
        }
        if (total == 0) {
            fused = text.clone();
        } else {
            for (int k = 0; k < 3; k++) fused[k] /= total;
        }
        return new Fused(fused, sarcasm, SentimentLabel.ofIndex(argmax(text)), drivers(readings, sarcasm));
    }

    /** The mean reading of each family present, equal shares within a family (until a stacker learns others). */
    private static Map<Signal, double[]> families(List<SignalReading> readings) {
        Map<Signal, double[]> sums = new EnumMap<>(Signal.class);
        Map<Signal, Integer> counts = new EnumMap<>(Signal.class);
        for (SignalReading r : readings) {
            Signal f = r.signal().family();
            double[] s = sums.get(f);
            // a single reading is used as it is, so a text+image post fuses exactly as before families existed
            if (s == null) sums.put(f, r.probabilities().clone());
            else for (int k = 0; k < 3; k++) s[k] += r.probabilities()[k];
            counts.merge(f, 1, Integer::sum);
        }
        sums.forEach((f, s) -> {
            int n = counts.get(f);
            if (n > 1) for (int k = 0; k < 3; k++) s[k] /= n;
        });
        return sums;
    }

    private static double score(double[] p) {
        return p[2] - p[0];
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

    /** Each reading, strongest first by |score| times the weight it carries (its family's, split among the family). */
    private List<String> drivers(List<SignalReading> readings, double sarcasm) {
        Map<Signal, Integer> perFamily = new EnumMap<>(Signal.class);
        for (SignalReading r : readings) perFamily.merge(r.signal().family(), 1, Integer::sum);
        List<SignalReading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparingDouble((SignalReading r) ->
                        -Math.abs(r.score()) * weights.of(r.signal()) / perFamily.get(r.signal().family()))
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
