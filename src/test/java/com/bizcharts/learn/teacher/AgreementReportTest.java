package com.bizcharts.learn.teacher;

import com.bizcharts.store.labels.SentimentLabel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.labels.SentimentLabel.BEARISH;
import static com.bizcharts.store.labels.SentimentLabel.BULLISH;
import static com.bizcharts.store.labels.SentimentLabel.NEUTRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AgreementReportTest {

    @Test
    void kappaMatchesAHandComputation() {
        // Human rows x teacher columns:
        //            bear neu bull
        //   bear       4   1   0
        //   neu        1   2   1
        //   bull       0   1   0
        // n = 10, observed = 6/10. Row totals 5,4,1; column totals 5,4,1 -> expected = (25+16+1)/100 = 0.42.
        // kappa = (0.6 - 0.42) / (1 - 0.42) = 0.18 / 0.58 = 0.310344...
        List<AgreementReport.Pair> pairs = new ArrayList<>();
        add(pairs, BEARISH, BEARISH, 4);
        add(pairs, BEARISH, NEUTRAL, 1);
        add(pairs, NEUTRAL, BEARISH, 1);
        add(pairs, NEUTRAL, NEUTRAL, 2);
        add(pairs, NEUTRAL, BULLISH, 1);
        add(pairs, BULLISH, NEUTRAL, 1);
        AgreementReport r = AgreementReport.of("openai", "m", "v", pairs);
        assertThat(r.n()).isEqualTo(10);
        assertThat(r.accuracy()).isCloseTo(0.6, within(1e-12));
        assertThat(r.kappa()).isCloseTo(0.18 / 0.58, within(1e-12));
        assertThat(r.confusion()[1]).containsExactly(1, 2, 1);
    }

    @Test
    void perfectAgreementIsKappaOneAndNoPairsIsUndefined() {
        List<AgreementReport.Pair> pairs = new ArrayList<>();
        add(pairs, BEARISH, BEARISH, 3);
        add(pairs, BULLISH, BULLISH, 2);
        assertThat(AgreementReport.of("g", "m", "v", pairs).kappa()).isCloseTo(1, within(1e-12));
        assertThat(AgreementReport.of("g", "m", "v", List.of()).kappa()).isNaN();
    }

    private static void add(List<AgreementReport.Pair> pairs, SentimentLabel human, SentimentLabel teacher, int times) {
        for (int i = 0; i < times; i++) pairs.add(new AgreementReport.Pair(human, teacher));
    }
}
