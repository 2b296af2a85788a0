package com.bizcharts.ui.common;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Coalesces bursts of events into at most one run of an action per interval (Sparrow's batched updates): the first
 * request runs it at once, requests within the interval after it run it once more at the interval's end. A rescore
 * lands hundreds of chunks a minute; the dashboard redraws every 2 s at most, always with the latest data.
 */
public final class Throttle {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("ui-throttle").daemon(true).unstarted(r));

    private final long intervalNanos;
    private final Executor target;
    private final Runnable action;
    private long lastRun = Long.MIN_VALUE;
    private boolean scheduled;

    /** @param target where the action runs (the FX executor for view-model updates) */
    public Throttle(Duration interval, Executor target, Runnable action) {
        this.intervalNanos = interval.toNanos();
        this.target = target;
        this.action = action;
    }

    /** Asks for a run; safe from any thread. */
    public synchronized void request() {
        if (scheduled) return;
        scheduled = true;
        long now = System.nanoTime();
        long wait = lastRun == Long.MIN_VALUE ? 0 : Math.max(0, lastRun + intervalNanos - now);
        if (wait == 0) fire();
        else TIMER.schedule(this::fire, wait, TimeUnit.NANOSECONDS);
    }

    private void fire() {
        synchronized (this) {
            scheduled = false;
            lastRun = System.nanoTime();
        }
        target.execute(action);
    }
}
