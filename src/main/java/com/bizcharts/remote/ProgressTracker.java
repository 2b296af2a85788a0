package com.bizcharts.remote;

import java.time.Instant;
import java.util.List;

/**
 * The progress a followed training log shows, poll by poll, and the pace behind its ETA. The log carries no times, so
 * a line's time is the poll that read it; steps read in one poll therefore say nothing about the pace. In particular
 * the backlog replayed when a run is (re)attached — steps done hours ago, read in a single poll — only sets where the
 * pace is measured from: the ETA is known from the next step seen in a later poll, never "0m00s" at 19 %.
 */
final class ProgressTracker {

    private TrainingProgress progress = TrainingProgress.starting();
    private long baseStep = -1;
    private Instant baseAt;
    private long basePoll = -1;
    private long polls;

    /** The progress after the complete lines one poll read at {@code now}. */
    TrainingProgress poll(List<String> lines, Instant now) {
        polls++;
        for (String line : lines) {
            var event = ProgressLine.parse(line);
            if (event.isEmpty() || event.get() instanceof ProgressLine.Done) continue; // the exit code decides
            if (event.get() instanceof ProgressLine.Step s
                    && (baseAt == null || !s.stage().equals(progress.stage()) || basePoll == polls)) {
                // a new stage starts its own pace; a later line of this same poll moves the start up to it
                baseStep = s.step();
                baseAt = now;
                basePoll = polls;
            }
            progress = progress.after(event.get(), baseStep, baseAt, now);
            if (progress.finished()) progress = progress.withState(TrainingProgress.State.RUNNING, null);
        }
        return progress;
    }

    TrainingProgress progress() { return progress; }
}
