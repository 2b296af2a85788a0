package com.bizcharts.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Follows one run on its machine until it ends (or {@code stop} says so): polls its status and log, reports progress,
 * persists it, and cancels the run past the hard time limit or the idle limit. The run is detached there, so a dropped
 * connection loses nothing: the follower connects again with backoff and reads on from where it was. A refused host
 * key or login on the way back is never retried.
 */
final class RunFollower {

    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final RunRepository runs;
    private final RemoteSettings settings;
    private final Clock clock;
    private final Supplier<RemoteShell> connect;
    private final Consumer<String> say;

    RunFollower(RunRepository runs, RemoteSettings settings, Clock clock, Supplier<RemoteShell> connect, Consumer<String> say) {
        this.runs = runs;
        this.settings = settings;
        this.clock = clock;
        this.connect = connect;
        this.say = say;
    }

    TrainingProgress follow(RemoteRun run, Duration poll, Consumer<TrainingProgress> listener, BooleanSupplier stop) {
        String runId = run.runId();
        RemoteLayout layout = new RemoteLayout(run.remoteDir());
        ProgressTracker tracker = new ProgressTracker();
        long offset = 0;
        Instant lastLine = clock.instant();
        Instant started = Instant.parse(run.startedAt());
        RemoteShell shell = connect.get();
        try {
            while (true) {
                RemoteJob job = new RemoteJob(shell, layout, runId);
                RemoteJob.Status status;
                RemoteJob.LogChunk chunk;
                try {
                    status = job.status(); // before reading, so no line written before the end is missed
                    chunk = job.readLog(offset);
                } catch (RemoteException e) {
                    if (!e.connectionLost()) throw e;
                    shell.close();
                    shell = reconnect(run, e, poll, stop);
                    if (shell == null) return tracker.progress(); // told to stop while the machine was out of reach
                    continue;
                }
                offset = chunk.nextOffset();
                Instant now = clock.instant();
                if (!chunk.lines().isEmpty()) lastLine = now;
                TrainingProgress progress = tracker.poll(chunk.lines(), now);
                if (status != RemoteJob.Status.RUNNING) {
                    progress = finish(runId, job, status, progress);
                    listener.accept(progress);
                    return progress;
                }
                String limit = limitReached(started, lastLine, now);
                if (limit != null) {
                    job.cancel();
                    runs.status(runId, "cancelled", limit);
                    progress = progress.withState(TrainingProgress.State.CANCELLED, limit);
                    listener.accept(progress);
                    return progress;
                }
                runs.progress(runId, progress);
                listener.accept(progress);
                if (stop.getAsBoolean()) return progress;
                sleep(poll);
            }
        } finally {
            if (shell != null) shell.close();
        }
    }

    /**
     * Connects again, waiting poll, 2 poll, 4 poll... (at most a minute) between tries, until it works, {@code stop}
     * says so (null), or the machine has been out of reach longer than the idle limit (30 minutes without one).
     */
    private RemoteShell reconnect(RemoteRun run, RemoteException lost, Duration poll, BooleanSupplier stop) {
        SshTarget target = RemoteTraining.target(run);
        Duration giveUpAfter = Duration.ofMinutes(settings.idleMinutes() > 0 ? settings.idleMinutes() : 30);
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        Duration wait = poll.isZero() ? Duration.ofMillis(50) : poll;
        String why = lost.getMessage();
        for (int attempt = 1; ; attempt++) {
            say.accept(why + "; the run goes on on the machine; reconnecting in "
                    + (wait.toMillis() < 1000 ? wait.toMillis() + " ms" : TrainingProgress.formatDuration(wait))
                    + " (attempt " + attempt + ")");
            sleep(wait);
            if (stop.getAsBoolean()) return null;
            try {
                RemoteShell shell = connect.get();
                say.accept("reconnected to " + target + "; following run " + run.runId() + " on from where it was");
                return shell;
            } catch (RemoteException e) {
                if (!e.connectionLost()) throw e; // a changed host key or a refused login: retrying would not help
                why = e.getMessage();
            }
            if (System.nanoTime() > deadline)
                throw RemoteException.connectionLost("could not reach " + target + " for " + giveUpAfter.toMinutes()
                        + " minutes (" + why + "); run " + run.runId() + " may still be going on the machine");
            wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
        }
    }

    private TrainingProgress finish(String runId, RemoteJob job, RemoteJob.Status status, TrainingProgress p) {
        runs.progress(runId, p);
        return switch (status) {
            case SUCCEEDED -> {
                runs.status(runId, "succeeded", null);
                yield new TrainingProgress(TrainingProgress.State.SUCCEEDED, p.stage(), Math.max(p.step(), p.totalSteps()),
                        p.totalSteps(), p.epoch(), p.loss(), p.evalMacroF1(), Duration.ZERO, null);
            }
            case CANCELLED -> {
                runs.status(runId, "cancelled", "cancelled by the user");
                yield p.withState(TrainingProgress.State.CANCELLED, "cancelled by the user");
            }
            default -> {
                String why = job.failure();
                runs.status(runId, "failed", why);
                yield p.withState(TrainingProgress.State.FAILED, why);
            }
        };
    }

    private String limitReached(Instant started, Instant lastLine, Instant now) {
        if (settings.maxHours() > 0 && Duration.between(started, now).toMinutes() >= settings.maxHours() * 60)
            return "stopped at the hard limit of " + settings.maxHours() + " hours";
        if (settings.idleMinutes() > 0 && Duration.between(lastLine, now).toMinutes() >= settings.idleMinutes())
            return "stopped after " + settings.idleMinutes() + " minutes without progress";
        return null;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted while following the run");
        }
    }
}
