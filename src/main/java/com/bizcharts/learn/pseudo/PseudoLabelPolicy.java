package com.bizcharts.learn.pseudo;

import com.bizcharts.store.labels.SentimentLabel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the model's own predictions may be trained on as if a person had labeled them (FixMatch-style
 * confidence thresholding).
 *
 * <p>The threshold starts at 0.95 and falls linearly to 0.90 as the golden-set macro-F1 of the model that made
 * the predictions rises from 0.65 to 0.80: a better model's confident guesses are more often right, so more of
 * them can be used. Per class, pseudo-labels are capped at the number of human labels of that class, because a
 * model is most confident on the majority class and would otherwise teach itself a skewed prior.
 */
public final class PseudoLabelPolicy {

    public static final double START_THRESHOLD = 0.95;
    public static final double FLOOR_THRESHOLD = 0.90;
    static final double LOW_F1 = 0.65, HIGH_F1 = 0.80;

    /** A prediction on an unlabeled post. */
    public record Candidate(long threadId, double[] probabilities) {
        SentimentLabel label() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
            return SentimentLabel.ofIndex(best);
        }

        double confidence() {
            return probabilities[label().index()];
        }
    }

    public record PseudoLabel(long threadId, SentimentLabel label, double confidence) {}

    public static double threshold(double modelMacroF1) {
        if (Double.isNaN(modelMacroF1) || modelMacroF1 <= LOW_F1) return START_THRESHOLD;
        if (modelMacroF1 >= HIGH_F1) return FLOOR_THRESHOLD;
        double t = (modelMacroF1 - LOW_F1) / (HIGH_F1 - LOW_F1);
        return START_THRESHOLD - t * (START_THRESHOLD - FLOOR_THRESHOLD);
    }

    /** The accepted pseudo-labels, most confident first within each class. */
    public static List<PseudoLabel> select(List<Candidate> candidates, double threshold,
                                           Map<SentimentLabel, Integer> humanCounts) {
        Map<SentimentLabel, List<PseudoLabel>> byClass = new EnumMap<>(SentimentLabel.class);
        for (Candidate c : candidates) {
            if (c.confidence() < threshold) continue;
            byClass.computeIfAbsent(c.label(), k -> new ArrayList<>())
                    .add(new PseudoLabel(c.threadId(), c.label(), c.confidence()));
        }
        List<PseudoLabel> out = new ArrayList<>();
        for (SentimentLabel label : SentimentLabel.values()) {
            List<PseudoLabel> list = byClass.getOrDefault(label, new ArrayList<>());
            list.sort(Comparator.comparingDouble(PseudoLabel::confidence).reversed()
                    .thenComparingLong(PseudoLabel::threadId));
            int cap = humanCounts.getOrDefault(label, 0);
            out.addAll(list.subList(0, Math.min(cap, list.size())));
        }
        return out;
    }

    private PseudoLabelPolicy() {}
}
