package com.bizcharts.sentiment.fusion;

import java.util.List;

/**
 * Learns the text/image fusion weights from labeled posts whose image was read, once there are enough of them:
 * a grid search over the text share that maximises the likelihood of the labels, using out-of-fold text
 * probabilities (in-sample ones would make the text look infallible). Below the minimum, the prototype weights stay.
 */
public final class FusionLearner {

    /** Fewer labeled posts with images than this and the prototype weights are kept. */
    public static final int MINIMUM_POSTS = 100;

    private FusionLearner() {}

    /** A labeled post's out-of-fold text reading and its image reading. */
    public record Example(double[] text, double[] image, int label) {}

    /** The weights to use and why. */
    public record Outcome(FusionWeights weights, String source) {}

    public static Outcome learn(List<Example> examples, FusionWeights prototype) {
        if (examples.size() < MINIMUM_POSTS) {
            return new Outcome(prototype, "prototype weights: " + examples.size() + " labeled posts with images, "
                    + MINIMUM_POSTS + " needed to learn them");
        }
        double bestShare = prototype.text() / (prototype.text() + prototype.image());
        double bestLoss = Double.MAX_VALUE;
        for (int step = 0; step <= 20; step++) {
            double share = step / 20.0;
            FusionWeights w = new FusionWeights(share, 1 - share, 0, 0, prototype.sarcasmThreshold());
            SignalFusion f = new SignalFusion(w);
            double loss = 0;
            for (Example e : examples) {
                double[] p = f.fuse(List.of(SignalReading.of(Signal.TEXT, e.text()), SignalReading.of(Signal.IMAGE, e.image())))
                        .probabilities();
                loss -= Math.log(Math.max(p[e.label()], 1e-9));
            }
            if (loss < bestLoss - 1e-9) {
                bestLoss = loss;
                bestShare = share;
            }
        }
        // text and image split the share the prototype gave them; OCR and context keep theirs
        double pair = prototype.text() + prototype.image();
        FusionWeights learned = new FusionWeights(pair * bestShare, pair * (1 - bestShare), prototype.ocr(),
                prototype.context(), prototype.sarcasmThreshold());
        return new Outcome(learned, String.format(java.util.Locale.ROOT,
                "learned on %d labeled posts with images: text share %.2f of text+image", examples.size(), bestShare));
    }
}
