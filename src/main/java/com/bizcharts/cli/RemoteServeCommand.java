package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.remote.RemoteInference;
import com.bizcharts.remote.RemoteRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * {@code remote serve}: the run's adapter behind an OpenAI-compatible endpoint on its machine, tunnelled to
 * 127.0.0.1 here for as long as this command runs, so {@code autolabel --provider compatible} can use it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a finished run's adapter on its machine (OpenAI-compatible) and tunnel it here as the"
                + " 'compatible' teacher; runs until Ctrl+C. --stop stops the server on the machine.")
final class RemoteServeCommand implements Runnable {

    @ParentCommand RemoteCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--run", paramLabel = "RUN", description = "the run whose adapter to serve (default: the latest)") String runId;
    @Option(names = "--local-port", paramLabel = "P", description = "local end of the tunnel (default [remote] serve_local_port)") Integer localPort;
    @Option(names = "--stop", description = "stop the adapter server on the machine") boolean stop;
    @Option(names = "--accept-new-host-key") boolean acceptNew;
    @picocli.CommandLine.Mixin InsecureHttpOption insecure; // the pod check asks RunPod

    @Override
    public void run() {
        Engine engine = parent.engine();
        PrintWriter w = spec.commandLine().getOut();
        RemoteRun run = RemoteCommand.run(engine, runId);
        if (stop) {
            engine.remote().remoteInference().stop(run.runId(), RemoteCommand.firstUse(acceptNew, w));
            w.println("stopped the adapter server of run " + run.runId());
            return;
        }
        if (run.podId() != null && engine.remote().podLauncher().ours().stream()
                .noneMatch(p -> p.id().equals(run.podId()) && p.desiredStatus().equals("RUNNING")))
            throw new IllegalArgumentException("pod " + run.podId() + " of run " + run.runId() + " is no longer running (it is"
                    + " released after the pull); train with --keep-pod, or pull with --keep-pod, to serve its adapter");
        int port = localPort != null ? localPort : engine.settings().remote().serveLocalPort();
        try (RemoteInference.Session session = engine.remote().remoteInference().open(run.runId(),
                RemoteCommand.firstUse(acceptNew, w), port, w::println)) {
            var e = session.endpoint();
            w.println("label with: bizcharts autolabel --provider compatible --base-url " + e.baseUrl() + " --model " + e.model());
            w.println("the tunnel stays open until this command ends (Ctrl+C); the server keeps running on the machine"
                    + " until 'remote serve --stop'" + (run.podId() == null ? "" : " or the pod is released"));
            w.flush();
            while (session.open()) Thread.sleep(1000);
            w.println("the SSH connection dropped; run 'remote serve' again to reopen the tunnel");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
