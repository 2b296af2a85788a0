package com.bizcharts.learn.drift;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The behaviour the ADWIN paper proves and its experiments show, on seeded Bernoulli error streams. */
class AdwinTest {

    @Test
    void keepsTheWholeWindowOnAStationaryStream() {
        Adwin adwin = Adwin.standard();
        Random rnd = new Random(7);
        int alarms = 0;
        for (int i = 0; i < 20_000; i++) if (adwin.add(rnd.nextDouble() < 0.2 ? 1 : 0)) alarms++;
        assertThat(alarms).isZero();
        assertThat(adwin.width()).isEqualTo(20_000);
        assertThat(adwin.mean()).isCloseTo(0.2, within(0.01));
    }

    @Test
    void detectsAnAbruptRiseInErrorRateSoonAfterItAndForgetsThePast() {
        Adwin adwin = Adwin.standard();
        Random rnd = new Random(11);
        for (int i = 0; i < 2_000; i++) assertThat(adwin.add(rnd.nextDouble() < 0.2 ? 1 : 0)).isFalse();
        int detectedAfter = -1;
        for (int i = 0; i < 2_000; i++) {
            if (adwin.add(rnd.nextDouble() < 0.8 ? 1 : 0) && detectedAfter < 0) detectedAfter = i;
        }
        assertThat(detectedAfter).isBetween(0, 100);
        // After the cut the window holds (about) only the new regime.
        assertThat(adwin.mean()).isCloseTo(0.8, within(0.03));
        assertThat(adwin.width()).isLessThan(2_300);
        assertThat(adwin.detections()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void smallerChangesTakeLongerToDetectButAreDetected() {
        Adwin abrupt = Adwin.standard();
        Adwin gentle = Adwin.standard();
        Random a = new Random(3), b = new Random(3);
        for (int i = 0; i < 3_000; i++) {
            abrupt.add(a.nextDouble() < 0.2 ? 1 : 0);
            gentle.add(b.nextDouble() < 0.2 ? 1 : 0);
        }
        int abruptDelay = delayUntilDetection(abrupt, new Random(5), 0.7);
        int gentleDelay = delayUntilDetection(gentle, new Random(5), 0.35);
        assertThat(abruptDelay).isPositive();
        assertThat(gentleDelay).isGreaterThan(abruptDelay).isLessThan(3_000);
    }

    @Test
    void varianceMatchesTheWindowItKeeps() {
        Adwin adwin = Adwin.standard();
        for (int i = 0; i < 1_000; i++) adwin.add(i % 2);
        assertThat(adwin.mean()).isCloseTo(0.5, within(1e-9));
        assertThat(adwin.variance()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void rejectsADeltaOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> new Adwin(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Adwin(1.5)).hasMessageContaining("delta");
    }

    private static int delayUntilDetection(Adwin adwin, Random rnd, double newRate) {
        for (int i = 0; i < 10_000; i++) if (adwin.add(rnd.nextDouble() < newRate ? 1 : 0)) return i;
        return -1;
    }
}
