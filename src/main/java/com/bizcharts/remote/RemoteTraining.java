package com.bizcharts.remote;

import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.store.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Remote training as a sequence of explicit steps over SSH: export and push, start detached, follow the log,
 * pull and register. Every step reads and writes the run's row in remote_runs, so any step can be taken again
 * by a workstation that restarted in between (reattach = {@link #follow} on a run id).
 */
public final class RemoteTraining {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Database db;
    private final RunRepository runs;
    private final RemoteSettings settings;
    private final Path imagesDir;
    private final Path runsDir;
    private final ApiKeys secrets;
    private final Clock clock;

    public RemoteTraining(Database db, RemoteSettings settings, Path imagesDir, Path runsDir, ApiKeys secrets, Clock clock) {
        this.db = db;
        this.runs = new RunRepository(db, clock);
        this.settings = settings;
        this.imagesDir = imagesDir;
        this.runsDir = runsDir;
        this.secrets = secrets;
        this.clock = clock;
    }

    public RunRepository runs() { return runs; }

    /** Exports the data, pushes it with the scripts, prepares the environment and starts training; returns the run id. */
    public String start(SshTarget target, HostKeyTrust.FirstUse firstUse, String podId, Double costPerHour,
                        Consumer<String> say) {
        List<RemoteRun> active = runs.active().stream().filter(r -> r.podId() == null || !r.podId().equals(podId)).toList();
        if (!active.isEmpty())
            throw new IllegalArgumentException("run " + active.get(0).runId() + " is still active; see 'remote status' or 'remote stop'");
        String runId = "rt-" + RUN_TIME.format(clock.instant()) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        RemoteLayout layout = new RemoteLayout(settings.workspace());
        // Connect (host key, login) before the run exists: a machine we may not talk to leaves no run behind, so
        // 'remote status' still shows the last real one.
        try (RemoteShell shell = connect(target, firstUse)) {
            runs.create(runId, target, layout.workspace(), podId, costPerHour, "pushing");
            try {
                push(runId, shell, layout, say);
            } catch (RuntimeException e) {
                runs.status(runId, "failed", e.getMessage());
                throw e;
            }
        }
        runs.status(runId, "running", null);
        say.accept("started run " + runId + " on " + target);
        return runId;
    }

    private void push(String runId, RemoteShell shell, RemoteLayout layout, Consumer<String> say) {
        Path staging = runsDir.resolve(runId).resolve("push");
        var summary = new DatasetExport(db, imagesDir).write(staging.resolve("data"), settings.validationShare(),
                settings.teacherMinConfidence());
        runs.dataset(runId, summary.toJson());
        say.accept("dataset: " + summary.train() + " train / " + summary.validation() + " validation ("
                + summary.human() + " human, " + summary.teacher() + " teacher labels, " + summary.images() + " images)");
        ScriptBundle.writeTo(staging.resolve("scripts"));
        FileSync sync = new FileSync(shell);
        var s = sync.push(staging.resolve("scripts"), layout.scripts());
        var d = sync.push(staging.resolve("data"), layout.data());
        say.accept("pushed " + (s.transferred() + d.transferred()) + " files (" + (s.skipped() + d.skipped())
                + " already there), " + (s.bytes() + d.bytes()) + " bytes");
        String setup = layout.fill(settings.setup(), settings.python(), runId);
        if (!setup.isBlank()) {
            say.accept("preparing the environment: " + setup);
            shell.exec(setup, Duration.ofMinutes(30)).orThrow("environment setup");
        }
        new RemoteJob(shell, layout, runId).start(pipeline(layout, runId));
    }

    String pipeline(RemoteLayout layout, String runId) {
        String py = settings.python();
        String out = "runs/" + runId + "/output";
        String common = " --dataset data/train.json --val-dataset data/val.json --images data";
        String train = py + " scripts/train_vlm.py" + common + " --output " + out + "/adapter " + settings.trainArgs();
        if (!settings.exportStudent()) return train;
        return train + " && " + py + " scripts/export_student.py --adapter " + out + "/adapter" + common
                + " --output " + out + "/student";
    }

    /** As {@link #follow(String, HostKeyTrust.FirstUse, Duration, Consumer, BooleanSupplier, Consumer)}, saying nothing. */
    public TrainingProgress follow(String runId, HostKeyTrust.FirstUse firstUse, Duration poll,
                                   Consumer<TrainingProgress> listener, BooleanSupplier stop) {
        return follow(runId, firstUse, poll, listener, stop, line -> {});
    }

    /**
     * Follows a run until it ends (or {@code stop} says so): streams the log, reports progress, persists it, and
     * cancels the run past the hard time limit or after the idle limit without a new log line. A dropped connection
     * is retried with backoff ({@code say} hears about it); the run goes on on the machine meanwhile.
     */
    public TrainingProgress follow(String runId, HostKeyTrust.FirstUse firstUse, Duration poll,
                                   Consumer<TrainingProgress> listener, BooleanSupplier stop, Consumer<String> say) {
        RemoteRun run = find(runId);
        return new RunFollower(runs, settings, clock, () -> connect(target(run), firstUse), say)
                .follow(run, poll, listener, stop);
    }

    /** Downloads the run's outputs (checksummed, resumable) and registers the models; returns their ids. */
    public List<String> pull(String runId, HostKeyTrust.FirstUse firstUse, Consumer<String> say) {
        RemoteRun run = find(runId);
        if (!run.status().equals("succeeded") && !run.status().equals("pulled"))
            throw new IllegalArgumentException("run " + runId + " is " + run.status() + "; only a succeeded run can be pulled");
        Path local = runsDir.resolve(runId).resolve("output");
        try (RemoteShell shell = connect(target(run), firstUse)) {
            var report = new FileSync(shell).pull(new RemoteLayout(run.remoteDir()).output(runId), local);
            say.accept("pulled " + report.transferred() + " files (" + report.skipped() + " already here), "
                    + report.bytes() + " bytes into " + local);
        }
        List<String> ids = new PulledModels(db, clock).register(run, local);
        runs.pulled(runId, local.toString(), "{\"models\":" + ids.stream().map(i -> "\"" + i + "\"").toList() + "}");
        say.accept("registered " + String.join(", ", ids) + " (" + PulledModels.PENDING
                + ": promoted only if not worse than the active model on the golden set)");
        return ids;
    }

    /** Judges what a pulled run produced behind the promotion gate ({@link PulledModels#judge}). */
    public List<PulledModels.Judged> judge(String runId, CandidateEvaluation evaluation) {
        return new PulledModels(db, clock).judge(find(runId), evaluation);
    }

    public void cancel(String runId, HostKeyTrust.FirstUse firstUse) {
        RemoteRun run = find(runId);
        try (RemoteShell shell = connect(target(run), firstUse)) {
            new RemoteJob(shell, new RemoteLayout(run.remoteDir()), runId).cancel();
        }
        runs.status(runId, "cancelled", "cancelled by the user");
    }

    public RemoteRun find(String runId) {
        return runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no remote run " + runId));
    }

    private RemoteShell connect(SshTarget target, HostKeyTrust.FirstUse firstUse) {
        return RemoteShell.connect(target, firstUse, secrets, settings.connectTimeout());
    }

    static SshTarget target(RemoteRun r) {
        return new SshTarget(r.host(), r.port(), r.user(), r.keyPath() == null ? null : Path.of(r.keyPath()),
                Path.of(r.knownHostsPath()));
    }
}
