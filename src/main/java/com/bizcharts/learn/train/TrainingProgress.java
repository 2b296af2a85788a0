package com.bizcharts.learn.train;

import java.util.Locale;

/**
 * Where a training run is, for a progress bar: the stage being worked on, its step of steps (fold k of N), and the
 * fraction of the whole run already done. The embedded trainer has no epochs (liblinear fits each model to
 * convergence in one call), so folds and stages are its units of progress.
 *
 * @param task     what the stage belongs to in a longer run, e.g. "cross-validation fold 2/5"; empty for one training
 * @param step     1-based step within the stage (fold k), 1 when the stage has one step
 * @param fraction 0..1 of the whole run done before this stage started
 */
public record TrainingProgress(String task, Stage stage, int step, int steps, double fraction) {

    public enum Stage {
        FEATURES("features"),
        CALIBRATION_FOLD("calibration fold"),
        TEXT_MODEL("text model"),
        IMAGE_FOLD("image fold"),
        IMAGE_MODEL("image model"),
        FUSION("fusion weights"),
        DONE("done");

        private final String words;

        Stage(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** "cross-validation fold 2/5: calibration fold 3/5" */
    public String describe() {
        String here = stage.words() + (steps > 1 ? String.format(Locale.ROOT, " %d/%d", step, steps) : "");
        return task.isEmpty() ? here : task + ": " + here;
    }
}
