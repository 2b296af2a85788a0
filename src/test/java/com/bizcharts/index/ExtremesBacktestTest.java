package com.bizcharts.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bizcharts.index.LeadLagTest.daily;
import static com.bizcharts.index.LeadLagTest.signals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The extremes strategy on a six-day example worked out by hand. */
class ExtremesBacktestTest {

    // Readings 20 50 80 10 60 90, known at the ends of days 0..5, where the prices are 100 110 121 100 90 99.
    static final List<SignalPoint> READINGS = signals(20, 50, 80, 10, 60, 90);
    static final PriceSeries PRICES = daily(100, 110, 121, 100, 90, 99);

    @Test
    void contrarianBuysExtremeFearAndSellsExtremeGreed() {
        var r = ExtremesBacktest.run("index", ExtremesBacktest.Rule.CONTRARIAN, READINGS, Bucket.DAY, PRICES, 25, 75, 0);
        // buy 100 (20) -> sell 121 (80): +21 %; buy 100 (10) -> sell 99 (90): -1 %
        assertThat(r.trades()).hasSize(2);
        assertThat(r.trades().get(0).netReturn()).isCloseTo(0.21, within(1e-12));
        assertThat(r.trades().get(1).netReturn()).isCloseTo(-0.01, within(1e-12));
        assertThat(r.wins()).isEqualTo(1);
        assertThat(r.hitRate()).isEqualTo(0.5);
        assertThat(r.meanReturn()).isCloseTo(0.10, within(1e-12));
        assertThat(r.totalReturn()).isCloseTo(1.21 * 0.99 - 1, within(1e-12));  // 19.79 %
        assertThat(r.buyAndHold()).isCloseTo(-0.01, within(1e-12));              // 100 -> 99
        assertThat(r.exposure()).isCloseTo(4 / 5.0, within(1e-12));              // held days 0-2 and 3-5 of 5
        assertThat(r.readings()).isEqualTo(6);
        assertThat(r.extremes()).isEqualTo(4);
        assertThat(r.tooFew()).isTrue();
    }

    @Test
    void momentumBuysGreedAndAnOpenPositionIsValuedAtTheLastPrice() {
        var r = ExtremesBacktest.run("index", ExtremesBacktest.Rule.MOMENTUM, READINGS, Bucket.DAY, PRICES, 25, 75, 0);
        // buy 121 (80) -> sell 100 (10): -17.36 %; buy 99 (90) at the very end: open, worth 0 %
        assertThat(r.trades()).hasSize(2);
        assertThat(r.trades().get(0).netReturn()).isCloseTo(100 / 121.0 - 1, within(1e-12));
        assertThat(r.trades().get(1).openAtEnd()).isTrue();
        assertThat(r.trades().get(1).netReturn()).isZero();
        assertThat(r.hitRate()).isZero();
        assertThat(r.totalReturn()).isCloseTo(100 / 121.0 - 1, within(1e-12));
        assertThat(r.exposure()).isCloseTo(1 / 5.0, within(1e-12));
    }

    @Test
    void feesAreChargedOnBothSides() {
        var r = ExtremesBacktest.run("index", ExtremesBacktest.Rule.CONTRARIAN, READINGS, Bucket.DAY, PRICES, 25, 75, 10);
        assertThat(r.trades().get(0).netReturn()).isCloseTo(1.21 * 0.999 * 0.999 - 1, within(1e-12));
    }

    @Test
    void noDecisionUsesLaterData() {
        // Cut the history after day 3: every trade closed by then is the same as on the full history.
        var full = ExtremesBacktest.run("index", ExtremesBacktest.Rule.CONTRARIAN, READINGS, Bucket.DAY, PRICES, 25, 75, 0);
        var cut = ExtremesBacktest.run("index", ExtremesBacktest.Rule.CONTRARIAN, READINGS.subList(0, 4), Bucket.DAY,
                daily(100, 110, 121, 100), 25, 75, 0);
        assertThat(cut.trades().get(0)).isEqualTo(full.trades().get(0));
        // and changing a later price changes nothing before it
        var changed = ExtremesBacktest.run("index", ExtremesBacktest.Rule.CONTRARIAN, READINGS, Bucket.DAY,
                daily(100, 110, 121, 100, 90, 500), 25, 75, 0);
        assertThat(changed.trades().get(0)).isEqualTo(full.trades().get(0));
        assertThat(changed.trades().get(1).entryPrice()).isEqualTo(100);
    }

    @Test
    void readingsWithoutAPriceAreSkippedAndBadThresholdsRefused() {
        var r = ExtremesBacktest.run("index", ExtremesBacktest.Rule.CONTRARIAN, READINGS, Bucket.DAY, daily(100, 110), 25, 75, 0);
        assertThat(r.readings()).isEqualTo(2);
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.openAtEnd()).isTrue());
        assertThatThrownBy(() -> ExtremesBacktest.run("index", ExtremesBacktest.Rule.CONTRARIAN, READINGS, Bucket.DAY, PRICES, 80, 20, 0))
                .hasMessageContaining("fear threshold must be below");
    }
}
