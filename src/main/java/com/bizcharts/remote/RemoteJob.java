package com.bizcharts.remote;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A training process on the remote machine, detached from the SSH session (setsid + nohup, pid file) so it
 * survives a dropped connection and a restarted workstation. Its truth is on disk there: the log, the pid and
 * the exit code the wrapper writes when the whole pipeline (training, then the student export) ends.
 */
public final class RemoteJob {

    /** What the remote side says about the run. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** New complete log lines and the offset to continue from. */
    public record LogChunk(List<String> lines, long nextOffset) {}

    private static final int MAX_CHUNK = 1 << 20;
    private final RemoteShell shell;
    private final RemoteLayout layout;
    private final String runId;

    public RemoteJob(RemoteShell shell, RemoteLayout layout, String runId) {
        this.shell = shell;
        this.layout = layout;
        this.runId = runId;
    }

    /** Starts {@code pipeline} (run from the base folder) in the background and returns once its pid is written. */
    public void start(String pipeline) {
        String run = "runs/" + runId;
        String wrapped = "(" + pipeline + "); echo $? > " + run + "/exit_code";
        // Separate statements: a trailing '&' would otherwise put the whole && chain in the background.
        String cmd = "set -e; cd " + RemoteShell.quote(layout.base()) + "; mkdir -p " + run + "/output; "
                + "if [ -f " + run + "/pid ]; then echo 'run " + runId + " already started' >&2; exit 3; fi; "
                + "setsid nohup sh -c " + RemoteShell.quote(wrapped) + " > " + run + "/train.log 2>&1 < /dev/null & "
                + "echo $! > " + run + "/pid";
        shell.exec(cmd).orThrow("starting the training job");
    }

    public Status status() {
        String run = RemoteShell.quote(layout.run(runId));
        var r = shell.exec("cd " + run + " 2>/dev/null || { echo missing; exit 0; }; "
                + "if [ -f cancelled ]; then echo cancelled; elif [ -f exit_code ]; then echo exit $(cat exit_code); "
                + "elif [ -f pid ] && kill -0 $(cat pid) 2>/dev/null; then echo alive; else echo gone; fi");
        String s = r.out().strip();
        if (s.equals("alive")) return Status.RUNNING;
        if (s.equals("cancelled")) return Status.CANCELLED;
        if (s.equals("exit 0")) return Status.SUCCEEDED;
        return Status.FAILED; // non-zero exit, a vanished process (machine restarted), or no such run
    }

    /** Why the run failed, from the log's FAILED line or the exit code. */
    public String failure() {
        var r = shell.exec("cd " + RemoteShell.quote(layout.run(runId)) + " 2>/dev/null && "
                + "{ grep '^FAILED ' train.log | tail -n 1; cat exit_code 2>/dev/null; }");
        Optional<String> failed = r.out().lines().map(ProgressLine::parse).flatMap(Optional::stream)
                .filter(l -> l instanceof ProgressLine.Failed).map(l -> ((ProgressLine.Failed) l).error()).findFirst();
        String exit = r.out().lines().filter(l -> l.matches("-?\\d+")).findFirst().orElse(null);
        return failed.orElse(exit == null ? "the training process ended without an exit code (machine restarted?)"
                : "exit code " + exit);
    }

    /** Complete lines written after {@code offset}; a line still being written waits for the next call. */
    public LogChunk readLog(long offset) {
        var r = shell.exec("tail -c +" + (offset + 1) + " " + RemoteShell.quote(layout.log(runId))
                + " 2>/dev/null | head -c " + MAX_CHUNK);
        byte[] bytes = r.out().getBytes(StandardCharsets.UTF_8);
        int end = lastNewline(bytes);
        if (end < 0) return new LogChunk(List.of(), offset);
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        return new LogChunk(text.lines().toList(), offset + end + 1);
    }

    private static int lastNewline(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) if (b[i] == '\n') return i;
        return -1;
    }

    /** Stops the whole process group (training and anything it spawned) and marks the run cancelled. */
    public void cancel() {
        String run = RemoteShell.quote(layout.run(runId));
        shell.exec("cd " + run + " && touch cancelled && if [ -f pid ]; then p=$(cat pid); "
                // dash's kill has no "--": "-TERM -PGID" works in dash, bash and busybox alike.
                + "kill -TERM -$p 2>/dev/null || kill -TERM $p 2>/dev/null; fi; true").orThrow("cancelling the run");
    }
}
