package com.bizcharts.learn.pseudo;

import com.bizcharts.store.labels.SentimentLabel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PseudoLabelPolicyTest {

    @Test
    void thresholdFallsFromNinetyFiveToNinetyAsTheModelImproves() {
        assertThat(PseudoLabelPolicy.threshold(0.50)).isEqualTo(0.95);
        assertThat(PseudoLabelPolicy.threshold(Double.NaN)).isEqualTo(0.95);
        assertThat(PseudoLabelPolicy.threshold(0.725)).isCloseTo(0.925, within(1e-12));
        assertThat(PseudoLabelPolicy.threshold(0.90)).isEqualTo(0.90);
    }

    @Test
    void keepsOnlyConfidentPredictionsCappedByHumanClassCounts() {
        List<PseudoLabelPolicy.Candidate> c = List.of(
                new PseudoLabelPolicy.Candidate(1, new double[]{0.01, 0.98, 0.01}),
                new PseudoLabelPolicy.Candidate(2, new double[]{0.02, 0.97, 0.01}),
                new PseudoLabelPolicy.Candidate(3, new double[]{0.01, 0.96, 0.03}),
                new PseudoLabelPolicy.Candidate(4, new double[]{0.96, 0.03, 0.01}),
                new PseudoLabelPolicy.Candidate(5, new double[]{0.10, 0.10, 0.80}));
        var picked = PseudoLabelPolicy.select(c, 0.95,
                Map.of(SentimentLabel.BEARISH, 5, SentimentLabel.NEUTRAL, 2, SentimentLabel.BULLISH, 5));
        assertThat(picked).extracting(PseudoLabelPolicy.PseudoLabel::threadId).containsExactly(4L, 1L, 2L);
        assertThat(picked.get(0).label()).isEqualTo(SentimentLabel.BEARISH);
    }
}
