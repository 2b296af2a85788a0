package com.bizcharts.learn.eval;

import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.embedded.NgramTextModel;
import com.bizcharts.sentiment.embedded.PostTraits;
import com.bizcharts.sentiment.embedded.TextNgrams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Reference points for the cross-validation report: what the embedded model has to beat. */
public final class Baselines {

    private Baselines() {}

    /** Always predicts the most common label of the training folds. */
    public static CrossValidation.Recipe majority() {
        return train -> {
            int[] counts = new int[3];
            for (LabeledPost p : train) counts[p.label().index()]++;
            int best = CrossValidation.argmax(new double[] {counts[0], counts[1], counts[2]});
            return p -> best;
        };
    }

    /** Plain TF-IDF of word 1-2-grams and an unweighted logistic regression (C = 10): the textbook baseline. */
    public static CrossValidation.Recipe plainTfidf() {
        NgramTextModel.Options o = new NgramTextModel.Options(new TextNgrams(1, 2, 0, 0), 1, 10.0, 0.0, false, false);
        PostTraits none = new PostTraits(t -> com.bizcharts.sentiment.lexicon.LexiconReading.NONE);
        return train -> {
            List<PostInput> posts = train.stream().map(LabeledPost::post).toList();
            int[] y = train.stream().mapToInt(p -> p.label().index()).toArray();
            NgramTextModel m = NgramTextModel.train(posts, y, none, o);
            return p -> CrossValidation.argmax(m.probabilities(p.post()));
        };
    }

    /** A compound score alone, VADER's convention: >= 0.05 bullish, <= -0.05 bearish, else neutral. No training. */
    public static CrossValidation.Recipe compoundThreshold(ToDoubleFunction<String> compound) {
        return train -> p -> {
            double c = compound.applyAsDouble(p.post().fullText());
            return (c >= 0.05 ? SentimentLabel.BULLISH : c <= -0.05 ? SentimentLabel.BEARISH : SentimentLabel.NEUTRAL).index();
        };
    }

    /** Runs every baseline with the same folds. */
    public static Map<String, EvaluationReport> all(List<LabeledPost> data, int folds, long seed,
                                                    Map<String, ToDoubleFunction<String>> lexicons) {
        Map<String, EvaluationReport> out = new LinkedHashMap<>();
        out.put("majority class (always neutral)", CrossValidation.run(data, folds, seed, majority()));
        out.put("plain TF-IDF word 1-2 + LR", CrossValidation.run(data, folds, seed, plainTfidf()));
        lexicons.forEach((name, f) -> out.put(name, CrossValidation.run(data, folds, seed, compoundThreshold(f))));
        return out;
    }
}
