package com.bizcharts.learn.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Agreement figures against a hand computation. Three labelers, ten posts (1 bearish, 2 neutral, 3 bullish):
 * <pre>
 * post  1 2 3 4 5 6 7 8 9 10
 * A     3 3 3 1 1 2 2 3 1 2
 * B     3 3 1 1 1 2 3 3 1 2
 * C     3 3 3 1 - - - - - -
 * </pre>
 */
class AgreementTest {

    private static final int[] A = {3, 3, 3, 1, 1, 2, 2, 3, 1, 2}, B = {3, 3, 1, 1, 1, 2, 3, 3, 1, 2}, C = {3, 3, 3, 1};

    @Test
    void cohensKappaOfEachPair() {
        // A-B: agree on 8 of 10, p_o = 0.8; A gives 4 bullish, 3 bearish, 3 neutral, B 4, 4, 2:
        // p_e = (4*4 + 3*4 + 3*2) / 100 = 0.34; kappa = (0.8 - 0.34) / (1 - 0.34) = 0.46 / 0.66 = 0.696970
        assertThat(Agreement.cohensKappa(pairs(A, B, 10))).isCloseTo(0.46 / 0.66, within(1e-9));
        // A-C on posts 1-4: identical, p_e = (3/4)^2 + (1/4)^2 = 0.625: kappa 1
        assertThat(Agreement.cohensKappa(pairs(A, C, 4))).isCloseTo(1.0, within(1e-9));
        // B-C on posts 1-4: p_o = 3/4; B 2 bullish 2 bearish, C 3 and 1: p_e = (2*3 + 2*1) / 16 = 0.5; kappa = 0.5
        assertThat(Agreement.cohensKappa(pairs(B, C, 4))).isCloseTo(0.5, within(1e-9));
        // all one class on both sides: chance explains everything, kappa is undefined
        assertThat(Agreement.cohensKappa(List.of(new int[]{3, 3}, new int[]{3, 3}))).isNaN();
    }

    @Test
    void fleissKappaAndKrippendorffsAlphaOverPostsRatedMoreThanOnce() {
        List<int[]> counts = counts();
        // Fleiss: per-post pair agreement P_i = 1,1,1/3,1 (three raters), then 1,1,0,1,1,1 (two): mean 8.3333/10;
        // class shares over 24 ratings: bearish 8, neutral 5, bullish 11: P_e = (64 + 25 + 121) / 576 = 0.364583;
        // kappa = (0.833333 - 0.364583) / (1 - 0.364583) = 0.737705
        double pBar = (8 + 1 / 3.0) / 10, pe = 210 / 576.0;
        assertThat(Agreement.fleissKappa(counts)).isCloseTo((pBar - pe) / (1 - pe), within(1e-9));
        // Krippendorff: coincidences off the diagonal 4 (post 3: bull-bear twice at 1/2 each way; post 7: 1 each way);
        // n_bull 11, n_bear 8, n_neutral 5, n = 24; expected = 2 (11*8 + 11*5 + 8*5) = 366;
        // alpha = 1 - 23 * 4 / 366 = 0.748634
        assertThat(Agreement.krippendorffAlpha(counts)).isCloseTo(1 - 23 * 4 / 366.0, within(1e-9));
    }

    @Test
    void theReportComparesTheHumansMajorityWithTheTeacherAndTheModel() {
        Map<Long, Map<String, Integer>> ratings = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Integer> r = new TreeMap<>();
            r.put("A", A[i]);
            r.put("B", B[i]);
            if (i < 4) r.put("C", C[i]);
            ratings.put((long) i + 1, r);
        }
        // the majority: posts 1-3 bullish (post 3: A and C against B), 4 bearish; post 7 is a tie and has none
        Map<Long, Integer> teacher = Map.of(1L, 3, 3L, 1, 4L, 1, 7L, 2);
        Map<Long, Integer> model = Map.of(1L, 3, 2L, 3, 3L, 3);
        AgreementReport r = AgreementReport.of(ratings, teacher, model, "m");
        assertThat(r.pairs()).extracting(p -> p.a() + "-" + p.b() + ":" + p.posts()).containsExactly("A-B:10", "A-C:4", "B-C:4");
        assertThat(r.multiplyRated()).isEqualTo(10);
        assertThat(r.teacher().posts()).isEqualTo(3); // post 7 has no majority
        assertThat(r.teacher().agree()).isEqualTo(2);
        assertThat(r.model().agree()).isEqualTo(3);
        assertThat(r.lines()).contains("  A vs B: 0.697 on 10 posts", "all labelers, 10 posts rated more than once: Fleiss' kappa 0.738, Krippendorff's alpha 0.749",
                "humans (majority) vs teacher: 2 of 3 posts agree (67%), Cohen's kappa 0.400");
    }

    private static List<int[]> pairs(int[] x, int[] y, int n) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new int[]{x[i], y[i]});
        return out;
    }

    private static List<int[]> counts() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int[] c = new int[3];
            c[A[i] - 1]++;
            c[B[i] - 1]++;
            if (i < C.length) c[C[i] - 1]++;
            out.add(c);
        }
        return out;
    }
}
