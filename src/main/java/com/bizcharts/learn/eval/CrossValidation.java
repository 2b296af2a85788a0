package com.bizcharts.learn.eval;

import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.StratifiedFolds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Stratified k-fold cross-validation with a fixed seed: each post is predicted by a model trained without it, and
 * the predictions of all folds are pooled into one report.
 */
public final class CrossValidation {

    /** Something trainable: given training posts, returns a predictor of label indices. */
    @FunctionalInterface
    public interface Recipe {
        ToIntFunction<LabeledPost> fit(List<LabeledPost> train);
    }

    private CrossValidation() {}

    public static EvaluationReport run(List<LabeledPost> data, int folds, long seed, Recipe recipe) {
        int[] y = new int[data.size()];
        for (int i = 0; i < y.length; i++) y[i] = data.get(i).label().index();
        int[] predicted = new int[y.length];
        for (int[] heldOut : StratifiedFolds.split(y, folds, seed)) {
            int[] rest = StratifiedFolds.complement(y.length, heldOut);
            List<LabeledPost> train = new ArrayList<>(rest.length);
            for (int i : rest) train.add(data.get(i));
            ToIntFunction<LabeledPost> model = recipe.fit(train);
            for (int i : heldOut) predicted[i] = model.applyAsInt(data.get(i));
        }
        return EvaluationReport.of(y, predicted);
    }

    /** Index of the largest probability. */
    public static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        return best;
    }

    /** A recipe from a probability model. */
    public static Recipe ofProbabilities(Function<List<LabeledPost>, Function<LabeledPost, double[]>> trainer) {
        return train -> {
            Function<LabeledPost, double[]> m = trainer.apply(train);
            return p -> argmax(m.apply(p));
        };
    }
}
