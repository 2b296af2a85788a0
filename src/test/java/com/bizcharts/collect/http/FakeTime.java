package com.bizcharts.collect.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Time that only moves when someone sleeps; records every sleep so tests can assert the exact waits. */
public final class FakeTime implements TimeSource {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
