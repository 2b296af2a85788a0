package com.bizcharts.remote;

import java.util.Optional;

/**
 * The adapter's OpenAI-compatible server (runpod/serve_openai.py) on the remote machine, detached like the training
 * job (setsid + nohup, pid file) so it outlives the SSH session that started it; log and pid under runs/{runId}/.
 * It listens on the machine's loopback only: the workstation reaches it through an SSH tunnel ({@link LocalForward}).
 */
public final class InferenceServer {

    public enum State { READY, STARTING, STOPPED }

    private final RemoteShell shell;
    private final RemoteLayout layout;
    private final String runId;

    public InferenceServer(RemoteShell shell, RemoteLayout layout, String runId) {
        this.shell = shell;
        this.layout = layout;
        this.runId = runId;
    }

    private String run() { return "runs/" + runId; }

    /** Starts the server unless it is already running; returns false when it was. */
    public boolean start(String python, int port, String modelName) {
        String run = run();
        String cmd = "set -e; cd " + RemoteShell.quote(layout.base()) + "; "
                + "if [ ! -f " + run + "/output/adapter/adapter_config.json ]; then echo 'run " + runId
                + " has no adapter on this machine' >&2; exit 4; fi; "
                + "if [ -f " + run + "/serve.pid ] && kill -0 $(cat " + run + "/serve.pid) 2>/dev/null; then echo running; exit 0; fi; "
                + "setsid nohup " + python + " scripts/serve_openai.py --adapter " + run + "/output/adapter --host 127.0.0.1"
                + " --port " + port + " --model-name " + RemoteShell.quote(modelName)
                + " > " + run + "/serve.log 2>&1 < /dev/null & echo $! > " + run + "/serve.pid; echo started";
        return shell.exec(cmd).orThrow("starting the adapter server").out().strip().endsWith("started");
    }

    public State state() {
        String run = RemoteShell.quote(layout.run(runId));
        String s = shell.exec("cd " + run + " 2>/dev/null || { echo stopped; exit 0; }; "
                + "if [ -f serve.pid ] && kill -0 $(cat serve.pid) 2>/dev/null; then "
                + "if grep -q '^SERVING ' serve.log 2>/dev/null; then echo ready; else echo starting; fi; else echo stopped; fi")
                .out().strip();
        return switch (s) {
            case "ready" -> State.READY;
            case "starting" -> State.STARTING;
            default -> State.STOPPED;
        };
    }

    /** Why the server stopped: its FAILED line, or the end of its log. */
    public String failure() {
        String log = shell.exec("tail -n 20 " + RemoteShell.quote(layout.run(runId) + "/serve.log") + " 2>/dev/null").out();
        Optional<String> failed = log.lines().map(ProgressLine::parse).flatMap(Optional::stream)
                .filter(l -> l instanceof ProgressLine.Failed).map(l -> ((ProgressLine.Failed) l).error()).findFirst();
        String tail = log.strip();
        return failed.orElse(tail.isEmpty() ? "the server exited without a word" : tail.substring(Math.max(0, tail.length() - 400)));
    }

    /** Stops the server and anything it spawned (its process group). */
    public void stop() {
        String run = RemoteShell.quote(layout.run(runId));
        shell.exec("cd " + run + " 2>/dev/null && if [ -f serve.pid ]; then p=$(cat serve.pid); "
                + "kill -TERM -$p 2>/dev/null || kill -TERM $p 2>/dev/null; rm -f serve.pid; fi; true").orThrow("stopping the adapter server");
    }
}
