package com.bizcharts.remote;

import java.nio.file.Path;

/**
 * What a {@link RemoteTrainingJob} is asked to do: train anew on a machine, follow a run that is still going (a
 * restarted workstation reattaches), or pull a finished one. Each ends by judging the student and releasing the pod.
 */
public sealed interface RemoteTrainingPlan {

    /** Keep a launched pod after a successful pull (to 'remote serve' the adapter); failures release it anyway. */
    boolean keepPod();

    /** A new run; {@code detach} returns once training started and leaves the run (and its pod) going. */
    record NewRun(Machine machine, boolean keepPod, boolean detach) implements RemoteTrainingPlan {}

    /** Follows a run that is still going to its end, then pulls, judges and releases as a new run does. */
    record Reattach(String runId, boolean keepPod) implements RemoteTrainingPlan {}

    /** Pulls a finished run (again, to judge it again), judges it and releases its pod. */
    record Pull(String runId, boolean keepPod) implements RemoteTrainingPlan {}

    /** Where a new run trains. */
    sealed interface Machine {

        /** Any SSH machine with a GPU. */
        record SshHost(SshTarget target) implements Machine {}

        /** A RunPod pod launched for the run: the key's {@code .pub} is what the pod authorises. */
        record RunPodGpu(String gpu, Path key, Path knownHosts, String user) implements Machine {}
    }
}
