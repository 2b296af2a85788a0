package com.bizcharts.learn.eval;

import com.bizcharts.learn.eval.ImageHeadEvaluation.Accuracy;
import com.bizcharts.learn.eval.ImageHeadEvaluation.Example;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImageHeadEvaluationTest {

    @Test
    void wilsonIntervalsMatchTheTextbookValues() {
        // 8 of 20: 0.219-0.613 (Wilson 1927; e.g. statsmodels proportion_confint method="wilson").
        Accuracy a = ImageHeadEvaluation.wilson(8, 20);
        assertThat(a.value()).isEqualTo(0.4);
        assertThat(a.low()).isCloseTo(0.2188, within(1e-4));
        assertThat(a.high()).isCloseTo(0.6134, within(1e-4));
        assertThat(ImageHeadEvaluation.wilson(20, 20).high()).isEqualTo(1.0);
        assertThat(ImageHeadEvaluation.wilson(0, 10).low()).isEqualTo(0.0);
    }

    @Test
    void leaveOneOutSeparatesClassesThatAreApartAndNotOnesThatAreNoise() {
        Random rnd = new Random(16);
        List<Example> apart = new ArrayList<>(), noise = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int k = i % 3;
            double[] v = new double[4], u = new double[4];
            for (int j = 0; j < 4; j++) {
                v[j] = rnd.nextGaussian() * 0.3 + (j == k ? 3 : 0);
                u[j] = rnd.nextGaussian();
            }
            apart.add(new Example("a" + i, v, k));
            noise.add(new Example("n" + i, u, k));
        }
        assertThat(ImageHeadEvaluation.leaveOneOut(apart, 1.0).correct()).isEqualTo(30);
        assertThat(ImageHeadEvaluation.leaveOneOut(noise, 1.0).value()).isLessThan(0.7);
    }
}
