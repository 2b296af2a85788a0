package com.bizcharts.learn.active;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HybridAcquisitionTest {

    @Test
    void entropyIsNormalised() {
        assertThat(new Candidate(1, new double[]{1, 0, 0}, new double[]{0}).normalisedEntropy()).isZero();
        assertThat(new Candidate(1, new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}, new double[]{0}).normalisedEntropy())
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void pureUncertaintyOrdersByEntropy() {
        HybridAcquisition acq = new HybridAcquisition(1.0, 1, 1);
        List<HybridAcquisition.Ranked> q = acq.order(List.of(
                new Candidate(1, new double[]{0.9, 0.05, 0.05}, new double[]{0}),
                new Candidate(2, new double[]{0.34, 0.33, 0.33}, new double[]{1}),
                new Candidate(3, new double[]{0.6, 0.3, 0.1}, new double[]{2})));
        assertThat(q).extracting(HybridAcquisition.Ranked::threadId).containsExactly(2L, 3L, 1L);
    }

    @Test
    void spreadsTheFirstPicksOverClustersInsteadOfOneUncertainClump() {
        // Cluster A (near 0): ten very uncertain near-duplicates. Cluster B (near 100): ten fairly sure posts.
        List<Candidate> cands = new ArrayList<>();
        for (int i = 0; i < 10; i++) cands.add(new Candidate(i, new double[]{0.34, 0.33, 0.33}, new double[]{i * 0.01, 0}));
        for (int i = 0; i < 10; i++) cands.add(new Candidate(100 + i, new double[]{0.8, 0.1, 0.1}, new double[]{100 + i * 0.01, 0}));
        List<HybridAcquisition.Ranked> q = new HybridAcquisition(0.6, 2, 5).order(cands);
        assertThat(q).hasSize(20);
        assertThat(q.get(0).threadId()).isLessThan(100);   // the most uncertain cluster leads
        assertThat(q.get(1).threadId()).isGreaterThanOrEqualTo(100); // but the second pick comes from the other one
        assertThat(q.get(0).cluster()).isNotEqualTo(q.get(1).cluster());
    }

    @Test
    void theSameInputGivesTheSameQueue() {
        List<Candidate> cands = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(9);
        for (int i = 0; i < 300; i++) {
            double a = rnd.nextDouble(), b = rnd.nextDouble() * (1 - a);
            cands.add(new Candidate(i, new double[]{a, b, 1 - a - b}, new double[]{rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()}));
        }
        var first = HybridAcquisition.standard().order(cands);
        var second = HybridAcquisition.standard().order(cands);
        assertThat(first).isEqualTo(second).hasSize(300);
        assertThat(first.stream().map(HybridAcquisition.Ranked::threadId).distinct().count()).isEqualTo(300);
        // The first 50 picks cover as many clusters as there are.
        assertThat(first.subList(0, 50).stream().map(HybridAcquisition.Ranked::cluster).distinct().count()).isEqualTo(50);
    }
}
