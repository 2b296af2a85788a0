package com.bizcharts.learn.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the labels can be trusted: each pair of labelers (Cohen's kappa on the posts both rated), all of them
 * (Fleiss' kappa and Krippendorff's alpha over posts rated more than once), and the humans' majority against the
 * teacher and against the model. What {@code labels agreement} prints and the Models view shows.
 *
 * @param multiplyRated posts rated by two labelers or more
 */
public record AgreementReport(List<PairKappa> pairs, int multiplyRated, double fleiss, double alpha, Comparison teacher,
                              Comparison model, String modelId) {

    public record PairKappa(String a, String b, int posts, double kappa) {}

    /** The humans' majority (posts with one) against another source's label. */
    public record Comparison(int posts, int agree, double kappa) {}

    /**
     * @param ratings per post, each labeler's rating (1..3)
     * @param teacher the teacher's label per post, where there is one
     * @param model   the model's label per post, where it scored the post
     */
    public static AgreementReport of(Map<Long, Map<String, Integer>> ratings, Map<Long, Integer> teacher,
                                     Map<Long, Integer> model, String modelId) {
        TreeMap<String, TreeMap<String, List<int[]>>> byPair = new TreeMap<>();
        List<int[]> counts = new ArrayList<>();
        Map<Long, Integer> majority = new TreeMap<>();
        for (var post : ratings.entrySet()) {
            List<String> who = new ArrayList<>(new TreeMap<>(post.getValue()).keySet());
            for (int i = 0; i < who.size(); i++) {
                for (int j = i + 1; j < who.size(); j++) {
                    byPair.computeIfAbsent(who.get(i), k -> new TreeMap<>()).computeIfAbsent(who.get(j), k -> new ArrayList<>())
                            .add(new int[]{post.getValue().get(who.get(i)), post.getValue().get(who.get(j))});
                }
            }
            int[] c = new int[Agreement.CLASSES];
            post.getValue().values().forEach(r -> c[r - 1]++);
            if (who.size() >= 2) counts.add(c);
            majorityOf(c).ifPresent(m -> majority.put(post.getKey(), m));
        }
        List<PairKappa> pairs = new ArrayList<>();
        byPair.forEach((a, inner) -> inner.forEach((b, list) -> pairs.add(new PairKappa(a, b, list.size(), Agreement.cohensKappa(list)))));
        return new AgreementReport(pairs, counts.size(), Agreement.fleissKappa(counts), Agreement.krippendorffAlpha(counts),
                compare(majority, teacher), compare(majority, model), modelId);
    }

    /** The class more raters gave than any other, or none on a tie. */
    private static java.util.Optional<Integer> majorityOf(int[] c) {
        int best = -1, top = 0;
        boolean tie = false;
        for (int j = 0; j < c.length; j++) {
            if (c[j] > top) {
                top = c[j];
                best = j;
                tie = false;
            } else if (c[j] == top && top > 0) {
                tie = true;
            }
        }
        return best < 0 || tie ? java.util.Optional.empty() : java.util.Optional.of(best + 1);
    }

    private static Comparison compare(Map<Long, Integer> humans, Map<Long, Integer> other) {
        List<int[]> pairs = new ArrayList<>();
        int agree = 0;
        for (var e : humans.entrySet()) {
            Integer o = other.get(e.getKey());
            if (o == null) continue;
            pairs.add(new int[]{e.getValue(), o});
            if (o.equals(e.getValue())) agree++;
        }
        return new Comparison(pairs.size(), agree, Agreement.cohensKappa(pairs));
    }

    /** The report as lines of text. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (pairs.isEmpty()) {
            out.add("labelers: no post is rated by two labelers yet (a second labeler, or a review, gives agreement figures)");
        } else {
            out.add("Cohen's kappa per pair of labelers (posts both rated):");
            for (PairKappa p : pairs) out.add(String.format(Locale.ROOT, "  %s vs %s: %s on %d posts", p.a(), p.b(), number(p.kappa()), p.posts()));
            out.add(String.format(Locale.ROOT, "all labelers, %d posts rated more than once: Fleiss' kappa %s, Krippendorff's alpha %s",
                    multiplyRated, number(fleiss), number(alpha)));
        }
        out.add(comparison("teacher", teacher));
        out.add(comparison("model " + modelId, model));
        out.add("kappa and alpha: 1 full agreement, 0 what chance gives, below 0 worse than chance; n/a when every rating is one class");
        return out;
    }

    private static String comparison(String who, Comparison c) {
        if (c.posts() == 0) return "humans vs " + who + ": no post carries both";
        return String.format(Locale.ROOT, "humans (majority) vs %s: %d of %d posts agree (%.0f%%), Cohen's kappa %s", who, c.agree(),
                c.posts(), 100.0 * c.agree() / c.posts(), number(c.kappa()));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
