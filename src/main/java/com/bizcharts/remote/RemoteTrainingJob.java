package com.bizcharts.remote;

import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.remote.RemoteTrainingPlan.Machine;
import com.bizcharts.remote.RemoteTrainingStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Remote training as one job, written once for {@code remote train} and the Models view: launch a RunPod pod (or use
 * the given host), export/push/start, follow the log, pull, judge behind the promotion gate, release the pod. It is an
 * explicit state machine ({@link State}); every change is published as an immutable {@link RemoteTrainingStatus} to
 * the listeners, on the thread that runs the job. One run at a time; {@link #cancel} and {@link #detach} may be
 * called from any thread.
 */
public final class RemoteTrainingJob {

    private static final Logger log = LoggerFactory.getLogger(RemoteTrainingJob.class);
    static final Duration POD_READY_TIMEOUT = Duration.ofMinutes(15);

    final RemoteTraining training;
    final PodLauncher launcher;
    final CandidateEvaluation evaluation;
    final Duration poll;
    final Clock clock;
    private final List<Consumer<RemoteTrainingStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile boolean cancelRequested;
    private volatile boolean detachRequested;
    private volatile RemoteTrainingStatus current = RemoteTrainingStatus.idle();

    public RemoteTrainingJob(RemoteTraining training, PodLauncher launcher, CandidateEvaluation evaluation,
                             RemoteSettings settings, Clock clock) {
        this.training = training;
        this.launcher = launcher;
        this.evaluation = evaluation;
        this.poll = Duration.ofMillis(Math.max(50, settings.pollSeconds() * 1000));
        this.clock = clock;
    }

    /** The stored runs (the latest to show, one still running to reattach to). */
    public RunRepository runs() { return training.runs(); }

    /** The latest snapshot, from any thread. */
    public RemoteTrainingStatus current() { return current; }

    /** Listeners are called on the job's thread, in order; the GUI hops to its own thread itself. */
    public void addListener(Consumer<RemoteTrainingStatus> listener) { listeners.add(listener); }

    public void removeListener(Consumer<RemoteTrainingStatus> listener) { listeners.remove(listener); }

    /** Whether a run is in flight; a new one is refused until {@link #run} returns (or the future completes). */
    public boolean inFlight() { return inFlight.get(); }

    /** Runs the plan on the calling thread to its end and returns the last snapshot; refused while one is in flight. */
    public RemoteTrainingStatus run(RemoteTrainingPlan plan, HostKeyTrust.FirstUse firstUse) {
        claim();
        return walk(plan, firstUse);
    }

    /** As {@link #run} on {@code executor}; the refusal of a second run is thrown here, at once. */
    public CompletableFuture<RemoteTrainingStatus> start(RemoteTrainingPlan plan, HostKeyTrust.FirstUse firstUse,
                                                         Executor executor) {
        claim();
        try {
            return CompletableFuture.supplyAsync(() -> walk(plan, firstUse), executor);
        } catch (RuntimeException e) {
            inFlight.set(false);
            throw e;
        }
    }

    /**
     * Cancels the run in flight: a booting pod is terminated within a poll, a started run has its remote process group
     * killed at the next poll (a push in progress first finishes), and a launched pod is released.
     */
    public void cancel() { cancelRequested = true; }

    /** Stops following at the next poll; the run goes on on the machine (DETACHED) and can be reattached. */
    public void detach() { detachRequested = true; }

    boolean cancelRequested() { return cancelRequested; }

    boolean detachRequested() { return detachRequested; }

    private void claim() {
        if (!inFlight.compareAndSet(false, true)) throw new IllegalStateException("a run is already in flight: one at a time");
        cancelRequested = false;
        detachRequested = false;
    }

    private RemoteTrainingStatus walk(RemoteTrainingPlan plan, HostKeyTrust.FirstUse firstUse) {
        try {
            return new RemoteTrainingRun(this, plan, firstUse).walk();
        } finally {
            inFlight.set(false);
        }
    }

    /** Makes the snapshot current and hands it to every listener; a failing listener never stops the job. */
    void publish(RemoteTrainingStatus status) {
        current = status;
        for (Consumer<RemoteTrainingStatus> l : listeners) {
            try {
                l.accept(status);
            } catch (RuntimeException e) {
                log.warn("remote training listener failed", e);
            }
        }
    }

    /** The first state a plan enters. */
    static State first(RemoteTrainingPlan plan) {
        return switch (plan) {
            case RemoteTrainingPlan.NewRun n -> n.machine() instanceof Machine.RunPodGpu ? State.LAUNCHING : State.STARTING;
            case RemoteTrainingPlan.Reattach r -> State.TRAINING;
            case RemoteTrainingPlan.Pull p -> State.PULLING;
        };
    }
}
