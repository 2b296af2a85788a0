package com.bizcharts.index;

import com.bizcharts.store.PricePoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Correlations and lead-lag on examples worked out by hand (the arithmetic is in the comments). */
class LeadLagTest {

    static final Instant D0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    /** Daily bars whose closes are the prices at the ends of days 0, 1, 2...: closes[i] is the price at D0 + (i + 1) days. */
    static PriceSeries daily(double... closes) {
        List<PricePoint> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(new PricePoint("BTC", "binance", "1d", D0.plus(DAY.multipliedBy(i)), null, null, null, closes[i], null, D0));
        }
        return new PriceSeries("BTC", DAY, bars);
    }

    static List<SignalPoint> signals(double... values) {
        List<SignalPoint> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) out.add(new SignalPoint(D0.plus(DAY.multipliedBy(i)), values[i], 25));
        return out;
    }

    @Test
    void pearsonAndSpearmanOnAHandExample() {
        // x = 1..4, y = .1 .3 .2 .4: deviations (-1.5 -.5 .5 1.5) and (-.15 .05 -.05 .15);
        // sum dx dy = .4, sum dx^2 = 5, sum dy^2 = .05, r = .4 / sqrt(.25) = .8.
        // Ranks of y: 1 3 2 4, d = 0 1 -1 0, rho = 1 - 6 * 2 / (4 * 15) = .8.
        double[] x = {1, 2, 3, 4}, y = {.1, .3, .2, .4};
        assertThat(Correlation.pearson(x, y)).isCloseTo(0.8, within(1e-12));
        assertThat(Correlation.spearman(x, y)).isCloseTo(0.8, within(1e-12));
        assertThat(Correlation.ranks(new double[]{5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);  // ties share the average rank
        assertThat(Correlation.pearson(new double[]{1, 1, 1}, new double[]{1, 2, 3})).isNaN();  // no variance, no answer
        double[] ci = Correlation.fisherInterval(0.8, 28);  // z = atanh .8 = 1.0986, 1.96 se = .392: tanh(.7066) .. tanh(1.4906)
        assertThat(ci[0]).isCloseTo(0.6085, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.9034, within(1e-4));
    }

    @Test
    void lagsPairEachReadingWithTheReturnThatStartsKBucketsAfterItIsKnown() {
        // Readings of days 0..3 are 1, 2, 3, 4; known at the ends of those days. Prices at the ends of days 0..4:
        // 100, 110, 143, 171.6, 240.24, so the next-day returns from the ends of days 0..3 are .1, .3, .2, .4.
        PriceSeries p = daily(100, 110, 143, 171.6, 240.24);
        List<LeadLag.Cell> cells = LeadLag.compute("index", signals(1, 2, 3, 4), Bucket.DAY, p, List.of(DAY), 1);
        LeadLag.Cell lag0 = cells.get(1), lead1 = cells.get(2), lagMinus1 = cells.get(0);
        assertThat(lag0.lag()).isZero();
        assertThat(lag0.n()).isEqualTo(4);
        assertThat(lag0.pearson()).isCloseTo(0.8, within(1e-9));
        assertThat(lag0.spearman()).isCloseTo(0.8, within(1e-9));
        // k = +1: (1, .3) (2, .2) (3, .4), the 4th reading has no return two days on: r = .1 / sqrt(2 * .02) = .5
        assertThat(lead1.n()).isEqualTo(3);
        assertThat(lead1.pearson()).isCloseTo(0.5, within(1e-9));
        // k = -1: (2, .1) (3, .3) (4, .2), the 1st reading has no price before it: r = .1 / sqrt(2 * .02) = .5
        assertThat(lagMinus1.lag()).isEqualTo(-1);
        assertThat(lagMinus1.n()).isEqualTo(3);
        assertThat(lagMinus1.pearson()).isCloseTo(0.5, within(1e-9));
        assertThat(cells).allMatch(LeadLag.Cell::tooFew);  // four days prove nothing, and the table says so
    }

    @Test
    void horizonsShorterThanTheBarsAreEmptyWithAReasonAndLongOnesCountFewerIndependentPairs() {
        PriceSeries p = daily(100, 110, 143, 171.6, 240.24, 250, 260, 270, 280, 290, 300);
        List<LeadLag.Cell> cells = LeadLag.compute("index", signals(1, 2, 3), Bucket.DAY, p, LeadLag.HORIZONS, 0);
        assertThat(cells).hasSize(3);
        assertThat(cells.get(0).n()).isZero();
        assertThat(cells.get(0).note()).isEqualTo("needs 1h prices (have 24h bars)");
        assertThat(cells.get(2).horizonLabel()).isEqualTo("7d");
        assertThat(cells.get(2).n()).isEqualTo(3);
        assertThat(cells.get(2).nIndependent()).isCloseTo(3 / 7.0, within(1e-12));  // 7-day returns a day apart overlap
    }
}
