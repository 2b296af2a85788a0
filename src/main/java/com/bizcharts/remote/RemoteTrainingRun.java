package com.bizcharts.remote;

import com.bizcharts.remote.RemoteTrainingPlan.Machine;
import com.bizcharts.remote.RemoteTrainingStatus.Failure;
import com.bizcharts.remote.RemoteTrainingStatus.PodCost;
import com.bizcharts.remote.RemoteTrainingStatus.State;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One walk of a {@link RemoteTrainingJob} through its states: each step does its part and names the next state.
 * Failures release the pod (a pod left up costs), except a failed pull, where the pod still holds the outputs.
 * Only the job's thread touches it.
 */
final class RemoteTrainingRun {

    private final RemoteTrainingJob job;
    private final RemoteTrainingPlan plan;
    private final HostKeyTrust.FirstUse firstUse;
    private State state = State.IDLE;
    private SshTarget target;
    private String runId;
    private RemoteRun row;
    private String podId;
    private Double podPrice;
    private Instant podSince;
    private Instant podReleased;
    private TrainingProgress progress;
    private String lastStep;
    private List<PulledModels.Judged> verdicts = List.of();
    private State ending = State.DONE;
    private Failure failure;

    RemoteTrainingRun(RemoteTrainingJob job, RemoteTrainingPlan plan, HostKeyTrust.FirstUse firstUse) {
        this.job = job;
        this.plan = plan;
        this.firstUse = firstUse;
        switch (plan) {
            case RemoteTrainingPlan.NewRun n when n.machine() instanceof Machine.SshHost h -> target = h.target();
            case RemoteTrainingPlan.NewRun n -> { }
            case RemoteTrainingPlan.Reattach r -> runId = r.runId();
            case RemoteTrainingPlan.Pull p -> runId = p.runId();
        }
    }

    RemoteTrainingStatus walk() {
        State next = RemoteTrainingJob.first(plan);
        while (!next.finished()) {
            if (job.cancelRequested() && (next == State.PULLING || next == State.JUDGING)) {
                next = cancelled("cancelled by the user");
                continue;
            }
            state = next;
            say(null);
            try {
                next = step();
            } catch (RuntimeException e) {
                next = failed(e);
            }
        }
        state = next;
        if (runId != null) row = job.training.runs().find(runId).orElse(row);
        return say(null);
    }

    private State step() {
        return switch (state) {
            case LAUNCHING -> launch();
            case STARTING -> start();
            case TRAINING -> follow();
            case PULLING -> pull();
            case JUDGING -> judge();
            case RELEASING -> release();
            default -> throw new IllegalStateException("no step for " + state);
        };
    }

    private State launch() {
        var gpu = (Machine.RunPodGpu) ((RemoteTrainingPlan.NewRun) plan).machine();
        say(job.launcher.quote(gpu.gpu()).text());
        String publicKey = PodLauncher.publicKey(gpu.key());
        RunPodClient.Pod pod = job.launcher.launch(gpu.gpu(), publicKey, RemoteTrainingJob.POD_READY_TIMEOUT, this::say,
                job::cancelRequested);
        podId = pod.id();
        podPrice = pod.costPerHour();
        podSince = job.clock.instant();
        target = new SshTarget(pod.publicIp(), pod.sshPort(), gpu.user(), gpu.key(), gpu.knownHosts());
        return job.cancelRequested() ? cancelled("cancelled before the run started") : State.STARTING;
    }

    private State start() {
        runId = job.training.start(target, firstUse, podId, podPrice, this::say);
        row = job.training.find(runId);
        if (job.cancelRequested()) return cancelRemote();
        if (plan instanceof RemoteTrainingPlan.NewRun n && n.detach()) {
            say("detached; follow with 'remote status --follow', then 'remote pull'");
            return State.DETACHED;
        }
        return State.TRAINING;
    }

    private State follow() {
        if (row == null) {
            adopt();
            say("reattached to run " + runId);
        }
        TrainingProgress end = job.training.follow(runId, firstUse, job.poll, p -> {
            progress = p;
            String at = p.stage() + " " + p.step(); // a line per step, not per poll
            boolean moved = p.state() == TrainingProgress.State.RUNNING && !at.equals(lastStep);
            if (moved) lastStep = at;
            say(moved ? p.summary() : null);
        }, () -> job.cancelRequested() || job.detachRequested(), this::say);
        progress = end;
        if (!end.finished()) {
            if (job.cancelRequested()) return cancelRemote();
            say("stopped following run " + runId + "; it goes on on the machine (reattach with 'remote status --follow')");
            return State.DETACHED;
        }
        say(end.summary());
        return switch (end.state()) {
            case SUCCEEDED -> State.PULLING;
            case CANCELLED -> cancelled(end.message());
            default -> {
                ending = State.FAILED;
                failure = new Failure("the run failed on the machine: " + end.message(), "its log is "
                        + new RemoteLayout(row.remoteDir()).log(runId) + " on " + row.host(), false);
                yield releaseOrEnd();
            }
        };
    }

    private State pull() {
        if (row == null) adopt();
        job.training.pull(runId, firstUse, this::say);
        return State.JUDGING;
    }

    private State judge() {
        verdicts = List.copyOf(job.training.judge(runId, job.evaluation));
        for (PulledModels.Judged v : verdicts) say(v.message());
        return releaseOrEnd();
    }

    private State release() {
        if (plan.keepPod() && ending == State.DONE) {
            say("pod " + podId + " kept running for 'remote serve'; release it with 'remote stop' or 'remote pods --sweep'");
            return ending;
        }
        String released = job.launcher.release(podId);
        podReleased = job.clock.instant();
        PodCost spent = cost();
        say(released + (spent == null ? "" : String.format(Locale.ROOT, "; cost about $%.2f", spent.usdSoFar())));
        return ending;
    }

    /** Kills the remote process group (the job's own cancel) and goes on to release the pod. */
    private State cancelRemote() {
        job.training.cancel(runId, firstUse);
        say("cancelled run " + runId);
        return cancelled("cancelled by the user");
    }

    private State cancelled(String why) {
        ending = State.CANCELLED;
        failure = new Failure(why, null, false);
        return releaseOrEnd();
    }

    private State failed(RuntimeException e) {
        boolean badInput = e instanceof IllegalArgumentException;
        String error = state != State.RELEASING ? e.getMessage() : (failure == null ? "" : failure.error() + "; then ")
                + "could not release pod " + podId + ": " + e.getMessage();
        if (state == State.LAUNCHING && job.cancelRequested()) { // the launcher terminated the booting pod itself
            say(error);
            return cancelled("cancelled while the pod was booting");
        }
        ending = State.FAILED;
        failure = new Failure(error, badInput ? null : whatToDo(), badInput);
        if (state == State.PULLING || state == State.RELEASING) return State.FAILED;
        return releaseOrEnd();
    }

    private String whatToDo() {
        return switch (state) {
            case LAUNCHING -> "'remote pods' lists any pod of ours still up";
            case STARTING -> "nothing is training; fix that and train again";
            case TRAINING -> podId != null ? "the pod is released with the run; train again"
                    : "the run may still be going on the machine: 'remote status --follow' reattaches, 'remote stop' cancels it";
            case PULLING -> podId == null ? "pull it again with 'remote pull " + runId + "'"
                    : "pod " + podId + " is kept, as it holds the outputs: 'remote pull " + runId + "' again, or 'remote stop' to release it";
            case JUDGING -> "the models stay pending: judge them with 'remote evaluate " + runId + "'";
            default -> "it costs until released: 'remote pods --sweep' terminates it";
        };
    }

    private State releaseOrEnd() {
        return podId == null || podReleased != null ? ending : State.RELEASING;
    }

    /** Reads a stored run (reattach, pull) and takes its pod over from the row. */
    private void adopt() {
        row = job.training.find(runId);
        podId = row.podId();
        podPrice = row.costPerHour();
        podSince = Instant.parse(row.startedAt());
    }

    private PodCost cost() {
        if (podId == null || podPrice == null) return null;
        Instant until = podReleased != null ? podReleased : job.clock.instant();
        return new PodCost(podId, podPrice, PodLauncher.cost(podPrice, podSince, until));
    }

    private RemoteTrainingStatus say(String news) {
        RemoteTrainingStatus s = new RemoteTrainingStatus(state, runId, stage(), fraction(),
                state == State.TRAINING && progress != null ? progress.eta() : null, cost(), progress, row, verdicts,
                state.finished() ? failure : null, news);
        job.publish(s);
        return s;
    }

    private String stage() {
        return switch (state) {
            case IDLE -> "no run yet";
            case LAUNCHING -> "launching a RunPod pod";
            case STARTING -> "exporting the data, pushing it and starting the run";
            case TRAINING -> progress == null ? "following run " + runId : progress.summary();
            case PULLING -> "pulling run " + runId;
            case JUDGING -> "judging run " + runId + " on the golden set";
            case RELEASING -> "releasing pod " + podId;
            default -> row != null ? row.summary()
                    : state.name().toLowerCase(Locale.ROOT) + (failure == null ? "" : ": " + failure.error());
        };
    }

    private double fraction() {
        if (state == State.TRAINING) return progress != null && progress.totalSteps() > 0 ? progress.fraction() : -1;
        if (state.finished()) return row != null ? row.fraction() : 0;
        return -1;
    }
}
