package com.bizcharts.sentiment.fusion;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much each signal counts in the fused verdict. The prototype's weights (text 0.5, image 0.3, OCR 0.1,
 * context 0.1) apply until enough labeled posts with images exist to learn them; weights of absent signals are
 * redistributed, so a text-only post gets exactly the text model's probabilities.
 *
 * @param sarcasmThreshold text-image score gap above which the post is more likely sarcastic than not
 */
public record FusionWeights(double text, double image, double ocr, double context, double sarcasmThreshold) {

    public FusionWeights {
        for (double w : new double[] {text, image, ocr, context}) {
            if (w < 0 || Double.isNaN(w)) throw new IllegalArgumentException("fusion weights must be >= 0");
        }
        if (text + image + ocr + context <= 0) throw new IllegalArgumentException("fusion weights sum to zero");
    }

    public static FusionWeights prototype() {
        return new FusionWeights(0.5, 0.3, 0.1, 0.1, 0.7);
    }

    /** The weight of the signal's family (readings of one family share it). */
    public double of(Signal s) {
        return switch (s.family()) {
            case TEXT -> text;
            case IMAGE -> image;
            case OCR -> ocr;
            case CONTEXT -> context;
            default -> throw new IllegalStateException("not a family: " + s);
        };
    }

    /** The four family weights. */
    public Map<Signal, Double> asMap() {
        Map<Signal, Double> m = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) if (s.family() == s) m.put(s, of(s));
        return m;
    }
}
