package com.bizcharts.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A snapshot of the {@link RemoteTrainingJob}, immutable so any thread may read it: where the job stands, one line
 * saying so, progress, ETA, what the pod has cost, the verdicts, and why it ended if it did not finish.
 *
 * @param runId    the run's id once it was started (or the run reattached or pulled), else null
 * @param stage    where the job stands in one line ("running distil step 3/8 (38%) … ETA 1m20s"; at the end the run's row)
 * @param progress 0..1 within the current stage, -1 while it is not known (the bar is indeterminate)
 * @param eta      while training, the time left of the stage at the observed pace, else null
 * @param cost     the pod's price and what it has cost so far, null for an SSH machine
 * @param training the latest progress read from the log, null before following
 * @param run      the run's row as last read, null before it exists
 * @param verdicts the promotion gate's word on each pulled model, empty until judged
 * @param failure  why the job ended FAILED or CANCELLED, else null
 * @param news     the line the job just reported (the CLI prints each one, the view shows the latest); null when
 *                 only the progress moved
 */
public record RemoteTrainingStatus(State state, String runId, String stage, double progress, Duration eta, PodCost cost,
                                   TrainingProgress training, RemoteRun run, List<PulledModels.Judged> verdicts,
                                   Failure failure, String news) {

    /** The job's states, in the order a run goes through them; the last four end it. */
    public enum State {
        IDLE, LAUNCHING, STARTING, TRAINING, PULLING, JUDGING, RELEASING,
        /** Pulled, judged and the pod released (or kept, as asked). */
        DONE,
        /** No longer followed; the run goes on on the machine and can be reattached. */
        DETACHED,
        FAILED, CANCELLED;

        public boolean finished() { return this == DONE || this == DETACHED || this == FAILED || this == CANCELLED; }
    }

    /** What went wrong and what the person can do about it; {@code badInput} when the request itself was wrong. */
    public record Failure(String error, String whatToDo, boolean badInput) {
        public String text() { return whatToDo == null ? error : error + "; " + whatToDo; }
    }

    /** A pod's price and what it has cost since the run started (until it was released). */
    public record PodCost(String podId, double usdPerHour, double usdSoFar) {
        public String text() {
            return String.format(Locale.ROOT, "pod %s at $%.2f/hour: about $%.2f so far", podId, usdPerHour, usdSoFar);
        }

        /** The cost of a stored run's pod: its price times the time since the run started (until it finished). */
        public static PodCost of(RemoteRun r, Instant now) {
            if (r.podId() == null || r.costPerHour() == null) return null;
            Instant end = r.finishedAt() == null ? now : Instant.parse(r.finishedAt());
            return new PodCost(r.podId(), r.costPerHour(), PodLauncher.cost(r.costPerHour(), Instant.parse(r.startedAt()), end));
        }
    }

    public static RemoteTrainingStatus idle() {
        return new RemoteTrainingStatus(State.IDLE, null, "no run yet", 0, null, null, null, null, List.of(), null, null);
    }
}
