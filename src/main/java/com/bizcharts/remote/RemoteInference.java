package com.bizcharts.remote;

import com.bizcharts.learn.teacher.ApiKeys;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Remote inference: serves a run's adapter on its machine behind an OpenAI-compatible endpoint and tunnels it to
 * 127.0.0.1 here, so the learning loop can use it as the {@code compatible} teacher
 * ({@code autolabel --provider compatible --base-url URL --model ID}). The server keeps running on the machine
 * after the session closes (reopening reuses it) until {@link #stop} or the machine is released.
 */
public final class RemoteInference {

    /** Where the adapter answers, as the teacher settings want it. */
    public record Endpoint(String runId, String model, String baseUrl) {}

    /** An open tunnel to the running server; closing it leaves the server running. */
    public static final class Session implements AutoCloseable {
        private final Endpoint endpoint;
        private final RemoteShell shell;
        private final LocalForward forward;

        Session(Endpoint endpoint, RemoteShell shell, LocalForward forward) {
            this.endpoint = endpoint;
            this.shell = shell;
            this.forward = forward;
        }

        public Endpoint endpoint() { return endpoint; }

        public boolean open() { return forward.open() && shell.connected(); }

        @Override
        public void close() {
            forward.close();
            shell.close();
        }
    }

    private final RunRepository runs;
    private final RemoteSettings settings;
    private final ApiKeys secrets;

    public RemoteInference(RunRepository runs, RemoteSettings settings, ApiKeys secrets) {
        this.runs = runs;
        this.settings = settings;
        this.secrets = secrets;
    }

    /** Starts (or finds) the server for the run's adapter, waits until it has loaded, and opens the tunnel. */
    public Session open(String runId, HostKeyTrust.FirstUse firstUse, int localPort, Consumer<String> say) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no remote run " + runId));
        if (!run.status().equals("succeeded") && !run.status().equals("pulled"))
            throw new IllegalArgumentException("run " + runId + " is " + run.status() + "; only a finished run has an adapter to serve");
        String model = runId + "-adapter";
        RemoteShell shell = RemoteShell.connect(RemoteTraining.target(run), firstUse, secrets, settings.connectTimeout());
        try {
            InferenceServer server = new InferenceServer(shell, new RemoteLayout(run.remoteDir()), runId);
            boolean started = server.start(settings.python(), settings.servePort(), model);
            say.accept((started ? "started" : "found") + " the adapter server for " + model + " on " + RemoteTraining.target(run)
                    + (started ? " (loading the base model can take minutes)" : ""));
            awaitReady(server);
            LocalForward forward = shell.forward(localPort, "127.0.0.1", settings.servePort());
            Endpoint endpoint = new Endpoint(runId, model, "http://127.0.0.1:" + forward.localPort() + "/v1");
            say.accept("serving " + model + " at " + endpoint.baseUrl() + " through the SSH tunnel");
            return new Session(endpoint, shell, forward);
        } catch (RuntimeException e) {
            shell.close();
            throw e;
        }
    }

    private void awaitReady(InferenceServer server) {
        long deadline = System.nanoTime() + Duration.ofMinutes(settings.serveStartMinutes()).toNanos();
        Duration poll = Duration.ofMillis(Math.max(50, settings.pollSeconds() * 1000));
        while (true) {
            InferenceServer.State state = server.state();
            if (state == InferenceServer.State.READY) return;
            if (state == InferenceServer.State.STOPPED) throw new RemoteException("the adapter server stopped: " + server.failure());
            if (System.nanoTime() > deadline) {
                server.stop();
                throw new RemoteException("the adapter server was not ready within " + settings.serveStartMinutes()
                        + " minutes; stopped it: " + server.failure());
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteException("interrupted while waiting for the adapter server");
            }
        }
    }

    /** Stops the run's adapter server on its machine. */
    public void stop(String runId, HostKeyTrust.FirstUse firstUse) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no remote run " + runId));
        try (RemoteShell shell = RemoteShell.connect(RemoteTraining.target(run), firstUse, secrets, settings.connectTimeout())) {
            new InferenceServer(shell, new RemoteLayout(run.remoteDir()), runId).stop();
        }
    }
}
