package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.RemoteRun;
import com.bizcharts.remote.RunPodClient;
import com.bizcharts.remote.SshTarget;
import com.bizcharts.remote.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code remote train}: export, push, train, follow, pull and register, on an SSH machine ({@code --host}) or on
 * a RunPod pod created for the run ({@code --runpod --gpu TYPE}) and released afterwards.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train remotely: --host H for any SSH machine, or --runpod --gpu TYPE to launch a pod.")
final class RemoteTrainCommand implements Runnable {

    @ParentCommand RemoteCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--host", paramLabel = "H") String host;
    @Option(names = "--port", paramLabel = "P") Integer port;
    @Option(names = "--user", paramLabel = "U") String user;
    @Option(names = "--key", paramLabel = "FILE", description = "private key (passphrase from BIZCHARTS_SSH_PASSPHRASE)") Path key;
    @Option(names = "--known-hosts", paramLabel = "FILE") Path knownHosts;
    @Option(names = "--accept-new-host-key", description = "trust a host seen for the first time (a changed key is still refused)") boolean acceptNew;
    @Option(names = "--runpod", description = "launch a RunPod pod for this run (RUNPOD_API_KEY)") boolean runpod;
    @Option(names = "--gpu", paramLabel = "TYPE", description = "RunPod GPU type, e.g. 4090, A6000 (default from settings)") String gpu;
    @Option(names = "--detach", description = "return once training started; follow later with 'remote status --follow'") boolean detach;
    @Option(names = "--keep-pod", description = "keep the RunPod pod running after the pull (to 'remote serve' the adapter)") boolean keepPodAfter;

    @Override
    public void run() {
        if (runpod == (host != null)) throw new IllegalArgumentException("give either --host H or --runpod --gpu TYPE");
        Engine engine = parent.engine();
        var s = engine.settings().remote();
        PrintWriter w = spec.commandLine().getOut();
        Path keyFile = key != null ? key : s.keyPath();
        Path known = knownHosts != null ? knownHosts : s.knownHostsPath();
        RunPodClient.Pod pod = null;
        SshTarget target;
        if (runpod) {
            String type = gpu != null ? gpu : s.runpodGpu();
            w.println(engine.podLauncher().quote(type).text());
            pod = engine.podLauncher().launch(type, PodLauncher.publicKey(keyFile), Duration.ofMinutes(15), w::println);
            target = new SshTarget(pod.publicIp(), pod.sshPort(), user != null ? user : "root", keyFile, known);
        } else {
            target = new SshTarget(host, port != null ? port : s.port(), user != null ? user : s.user(), keyFile, known);
        }
        String runId = null;
        boolean keepPod = false;
        try {
            runId = engine.remoteTraining().start(target, RemoteCommand.firstUse(acceptNew, w),
                    pod == null ? null : pod.id(), pod == null ? null : pod.costPerHour(), w::println);
            if (detach) {
                keepPod = true;
                w.println("detached; follow with 'remote status --follow', then 'remote pull'");
                return;
            }
            TrainingProgress end = engine.remoteTraining().follow(runId, RemoteCommand.firstUse(acceptNew, w),
                    RemoteCommand.poll(engine), printer(w), () -> false);
            w.println(end.summary());
            if (end.state() != TrainingProgress.State.SUCCEEDED) throw new IllegalStateException("remote training " + end.state().name().toLowerCase() + ": " + end.message());
            engine.remoteTraining().pull(runId, RemoteCommand.firstUse(acceptNew, w), w::println);
            RemoteCommand.evaluate(engine, runId, w);
            if (keepPodAfter && pod != null) {
                keepPod = true;
                w.println("pod " + pod.id() + " kept running for 'remote serve'; release it with 'remote stop' or 'remote pods --sweep'");
            }
        } finally {
            if (pod != null && !keepPod) {
                RemoteRun run = runId == null ? null : engine.remoteTraining().find(runId);
                if (run != null) RemoteCommand.releasePod(engine, run, w);
                else w.println(engine.podLauncher().release(pod.id()));
            }
        }
    }

    /** Prints a progress line when the step changes (not on every poll). */
    static Consumer<TrainingProgress> printer(PrintWriter w) {
        long[] last = {-1};
        return p -> {
            if (p.step() != last[0] && p.state() == TrainingProgress.State.RUNNING) {
                last[0] = p.step();
                w.println(p.summary());
            }
        };
    }
}
