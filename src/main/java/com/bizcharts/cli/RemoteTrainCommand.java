package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.remote.RemoteTrainingPlan;
import com.bizcharts.remote.RemoteTrainingPlan.Machine;
import com.bizcharts.remote.SshTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code remote train}: export, push, train, follow, pull and register, on an SSH machine ({@code --host}) or on
 * a RunPod pod created for the run ({@code --runpod --gpu TYPE}) and released afterwards. The flow is the engine's
 * {@link com.bizcharts.remote.RemoteTrainingJob}; this command only says where and prints what it reports.
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
    @picocli.CommandLine.Mixin InsecureHttpOption insecure;

    @Override
    public void run() {
        if (runpod == (host != null)) throw new IllegalArgumentException("give either --host H or --runpod --gpu TYPE");
        Engine engine = parent.engine();
        var s = engine.settings().remote();
        PrintWriter w = spec.commandLine().getOut();
        Path keyFile = key != null ? key : s.keyPath();
        Path known = knownHosts != null ? knownHosts : s.knownHostsPath();
        Machine machine = runpod
                ? new Machine.RunPodGpu(gpu != null ? gpu : s.runpodGpu(), keyFile, known, user != null ? user : "root")
                : new Machine.SshHost(new SshTarget(host, port != null ? port : s.port(), user != null ? user : s.user(), keyFile, known));
        RemoteCommand.runJob(engine, new RemoteTrainingPlan.NewRun(machine, keepPodAfter, detach),
                RemoteCommand.firstUse(acceptNew, w), w);
    }
}
