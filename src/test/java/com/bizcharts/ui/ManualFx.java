package com.bizcharts.ui;

import com.bizcharts.ui.common.UiExecutors;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A stand-in for the FX thread in view-model tests: results published "to the FX thread" queue up here and run on
 * the test's own thread when it drains them, so properties are only ever touched by one thread, as on screen.
 */
public final class ManualFx implements Executor {

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    /** Background and writer work on the caller's thread; FX updates through this queue. */
    public UiExecutors sameThread() {
        Executor direct = Runnable::run;
        return new UiExecutors(direct, direct, this);
    }

    /** Background work on {@code background} (to test cancelling), FX updates through this queue. */
    public UiExecutors with(Executor background) {
        return new UiExecutors(background, Runnable::run, this);
    }

    /** Runs queued FX updates until {@code done} holds; fails after {@code timeout}. */
    public void runUntil(BooleanSupplier done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            drain();
            while (!done.getAsBoolean()) {
                if (System.nanoTime() > end) throw new AssertionError("condition not met within " + timeout);
                Runnable r = queue.poll(20, TimeUnit.MILLISECONDS);
                if (r != null) r.run();
            }
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Runs everything queued so far (and what those queue in turn). */
    public void drain() {
        Runnable r;
        while ((r = queue.poll()) != null) r.run();
    }
}
