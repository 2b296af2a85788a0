package com.bizcharts.collect.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when someone sleeps on it: rate limits and backoff tested without waiting. */
public final class FakeTime extends Clock {

    private Instant now;
    public final List<Duration> sleeps = new ArrayList<>();

    public FakeTime(Instant start) {
        this.now = start;
    }

    public synchronized void sleep(Duration d) {
        sleeps.add(d);
        now = now.plus(d);
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** A pacer on this clock, without the real-time margin, so tests can expect whole intervals. */
    public RequestPacer pacer(Duration interval) {
        return pacer(interval, Duration.ZERO);
    }

    public RequestPacer pacer(Duration interval, Duration margin) {
        return new RequestPacer(interval, margin, this, this::nanos, this::sleep);
    }

    /** The monotonic reading of this clock: nanoseconds since the epoch, moving only when someone sleeps. */
    public synchronized long nanos() {
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
