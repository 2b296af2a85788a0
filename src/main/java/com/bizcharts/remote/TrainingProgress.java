package com.bizcharts.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a run stands: its stage (fine-tuning, then distilling the student), the latest step, loss and validation
 * score, and an ETA from the pace since the first step of the stage this workstation saw (so a reattached run
 * estimates from what it watched, not from its whole history, and the student's steps are not timed by the VLM's).
 */
public record TrainingProgress(State state, String stage, long step, long totalSteps, double epoch, Double loss,
                               Double evalMacroF1, Duration eta, String message) {

    public enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    public static TrainingProgress starting() {
        return new TrainingProgress(State.RUNNING, ProgressLine.TRAIN, 0, 0, 0, null, null, null, null);
    }

    /** Progress after one log line, with the time of the first observed step and now for the ETA. */
    public TrainingProgress after(ProgressLine line, long firstStep, Instant firstAt, Instant now) {
        return switch (line) {
            case ProgressLine.Step s -> {
                boolean sameStage = s.stage().equals(stage); // a new stage keeps nothing of the last one's figures
                yield new TrainingProgress(State.RUNNING, s.stage(), s.step(), s.totalSteps(), s.epoch(),
                        s.loss() == null && sameStage ? loss : s.loss(),
                        s.evalMacroF1() == null && sameStage ? evalMacroF1 : s.evalMacroF1(),
                        eta(s.step(), s.totalSteps(), firstStep, firstAt, now), null);
            }
            case ProgressLine.Done d -> new TrainingProgress(State.SUCCEEDED, stage, totalSteps == 0 ? step : totalSteps,
                    totalSteps, epoch, loss, evalMacroF1, Duration.ZERO, null);
            case ProgressLine.Failed f -> withState(State.FAILED, f.error());
        };
    }

    public TrainingProgress withState(State newState, String why) {
        return new TrainingProgress(newState, stage, step, totalSteps, epoch, loss, evalMacroF1, null, why);
    }

    public boolean finished() { return state != State.RUNNING; }

    public double fraction() { return totalSteps <= 0 ? 0 : Math.min(1.0, (double) step / totalSteps); }

    public Optional<Duration> etaIfKnown() { return Optional.ofNullable(eta); }

    static Duration eta(long step, long total, long firstStep, Instant firstAt, Instant now) {
        long done = step - firstStep;
        if (firstAt == null || done <= 0 || total <= step) return total > 0 && step >= total ? Duration.ZERO : null;
        long millisPerStep = Duration.between(firstAt, now).toMillis() / done;
        return Duration.ofMillis(millisPerStep * (total - step));
    }

    /** One line for the CLI and the status bar. */
    public String summary() {
        StringBuilder b = new StringBuilder(state.name().toLowerCase());
        if (!ProgressLine.TRAIN.equals(stage)) b.append(' ').append(stage);
        b.append(" step ").append(step);
        if (totalSteps > 0) b.append('/').append(totalSteps).append(String.format(" (%.0f%%)", fraction() * 100));
        if (loss != null) b.append(String.format(" loss %.4f", loss));
        if (evalMacroF1 != null) b.append(String.format(" val macro-F1 %.3f", evalMacroF1));
        if (eta != null && state == State.RUNNING) b.append(" ETA ").append(formatDuration(eta));
        if (message != null) b.append(" - ").append(message);
        return b.toString();
    }

    static String formatDuration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
