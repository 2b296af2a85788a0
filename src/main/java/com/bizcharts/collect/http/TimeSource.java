package com.bizcharts.collect.http;

import java.time.Duration;
import java.time.Instant;

/** The clock and the sleeper together, so that a fake one can advance time when asked to sleep. */
public interface TimeSource {

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    /** Wall-clock time and real sleeping. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) Thread.sleep(duration);
        }
    };
}
