package com.bizcharts.learn.active;

import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.sentiment.embedded.NgramTextModel;
import com.bizcharts.sentiment.embedded.PostTraits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The experiment behind docs/active-learning.md: on a labeled set, simulate a labeler who labels in batches, either
 * in random order or in the order {@link HybridAcquisition} picks from the current model, and measure macro-F1 on
 * a fixed held-out quarter after every batch. Several seeds, same splits for both strategies.
 */
public final class LearningCurves {

    public record Point(int labels, double randomF1, double activeF1) {}

    private final PostTraits traits;
    private final NgramTextModel.Options options;

    public LearningCurves(PostTraits traits, NgramTextModel.Options options) {
        this.traits = traits;
        this.options = options;
    }

    /** Mean macro-F1 per labeled-set size, over seeds. */
    public List<Point> run(List<LabeledPost> data, int seeds, int start, int step, int rounds) {
        double[][] random = new double[rounds][seeds], active = new double[rounds][seeds];
        for (int seed = 0; seed < seeds; seed++) {
            List<LabeledPost> shuffled = new ArrayList<>(data);
            Collections.shuffle(shuffled, new Random(1000 + seed));
            int testSize = shuffled.size() / 4;
            List<LabeledPost> test = shuffled.subList(0, testSize);
            List<LabeledPost> pool = shuffled.subList(testSize, shuffled.size());
            curve(pool, test, start, step, rounds, seed, false, random, active);
            curve(pool, test, start, step, rounds, seed, true, random, active);
        }
        List<Point> points = new ArrayList<>();
        for (int r = 0; r < rounds; r++) points.add(new Point(start + r * step, mean(random[r]), mean(active[r])));
        return points;
    }

    private void curve(List<LabeledPost> pool, List<LabeledPost> test, int start, int step, int rounds, int seed,
                         boolean useActive, double[][] random, double[][] active) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(seed));
        Set<Integer> labeled = new HashSet<>(order.subList(0, start));
        List<Integer> remaining = new ArrayList<>(order.subList(start, order.size()));
        TextSketch sketch = new TextSketch(64);
        for (int r = 0; r < rounds; r++) {
            NgramTextModel model = train(pool, labeled);
            double f1 = evaluate(model, test);
            (useActive ? active : random)[r][seed] = f1;
            if (r == rounds - 1 || remaining.isEmpty()) break;
            List<Integer> next;
            if (useActive) {
                List<Candidate> cands = new ArrayList<>();
                for (int idx : remaining) {
                    double[] p = model.probabilities(pool.get(idx).post());
                    double[] w = sketch.of(pool.get(idx).post().fullText());
                    double[] f = new double[w.length + 3];
                    System.arraycopy(w, 0, f, 0, w.length);
                    System.arraycopy(p, 0, f, w.length, 3);
                    cands.add(new Candidate(idx, p, f));
                }
                next = new HybridAcquisition(HybridAcquisition.DEFAULT_UNCERTAINTY_WEIGHT, Math.min(step, 50), seed)
                        .order(cands).stream().limit(step).map(x -> (int) x.threadId()).toList();
            } else {
                next = remaining.subList(0, Math.min(step, remaining.size()));
            }
            labeled.addAll(next);
            remaining.removeAll(new HashSet<>(next));
        }
    }

    private NgramTextModel train(List<LabeledPost> pool, Set<Integer> labeled) {
        List<Integer> idx = new ArrayList<>(labeled);
        Collections.sort(idx);
        int[] y = new int[idx.size()];
        List<com.bizcharts.sentiment.PostInput> posts = new ArrayList<>();
        for (int i = 0; i < idx.size(); i++) {
            posts.add(pool.get(idx.get(i)).post());
            y[i] = pool.get(idx.get(i)).label().index();
        }
        return NgramTextModel.train(posts, y, traits, options);
    }

    private static double evaluate(NgramTextModel model, List<LabeledPost> test) {
        int[] truth = new int[test.size()], predicted = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            truth[i] = test.get(i).label().index();
            double[] p = model.probabilities(test.get(i).post());
            int best = 0;
            for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
            predicted[i] = best;
        }
        return EvaluationReport.of(truth, predicted).macroF1();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }
}
