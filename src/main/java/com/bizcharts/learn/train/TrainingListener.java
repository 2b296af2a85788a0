package com.bizcharts.learn.train;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Hears a training run's progress and may cancel it. The trainer calls it on its own thread, between steps (a fold,
 * the final fit), so a cancel takes effect at the next step and leaves nothing half-written.
 */
public interface TrainingListener {

    TrainingListener NONE = of(p -> {}, () -> false);

    void progress(TrainingProgress p);

    boolean cancelled();

    static TrainingListener of(Consumer<TrainingProgress> progress, BooleanSupplier cancelled) {
        return new TrainingListener() {
            @Override
            public void progress(TrainingProgress p) {
                progress.accept(p);
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /**
     * This listener as seen by one part of a longer run (one cross-validation fold, the final fit): the part's
     * fractions are mapped into {@code [from, to]} of the whole and its stages named after {@code task}.
     */
    default TrainingListener part(String task, double from, double to) {
        TrainingListener whole = this;
        return of(p -> whole.progress(new TrainingProgress(task, p.stage(), p.step(), p.steps(), from + (to - from) * p.fraction())),
                whole::cancelled);
    }

    /** Reports the stage unless the run was cancelled, in which case it throws instead. */
    default void at(TrainingProgress.Stage stage, int step, int steps, double fraction) {
        if (cancelled()) throw new CancellationException("training cancelled");
        progress(new TrainingProgress("", stage, step, steps, fraction));
    }
}
