package com.bizcharts.ui.remote;

import com.bizcharts.remote.GpuCatalog;
import com.bizcharts.remote.HostKeyTrust;
import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.PulledModels;
import com.bizcharts.remote.RemoteRun;
import com.bizcharts.remote.RemoteSettings;
import com.bizcharts.remote.RemoteTraining;
import com.bizcharts.remote.RunPodClient;
import com.bizcharts.remote.SshTarget;
import com.bizcharts.remote.TrainingProgress;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One-click remote training as a state machine the view binds to: a target (SSH host, or a RunPod GPU with its
 * price and memory fit), Train (single flight: disabled while a launch or run is in flight, and refused if clicked
 * anyway), progress (step, loss, ETA) and running cost from the streamed log, cancel, pull + golden-set verdict, and
 * reattach to a run that is still going when the view opens. Leftover pods live in {@link LeftoverPods}.
 */
public final class RemoteTrainingViewModel {

    public enum Target { SSH, RUNPOD }

    private final RemoteTraining training;
    private final PodLauncher launcher;
    private final RemoteSettings settings;
    private final Function<RemoteRun, List<PulledModels.Judged>> judge;
    private final HostKeyTrust.FirstUse firstUse;
    private final UiExecutors ex;
    private final Clock clock;
    private final LeftoverPods pods;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.SSH);
    private final StringProperty host = new SimpleStringProperty("");
    private final ObjectProperty<Integer> port;
    private final StringProperty user;
    private final StringProperty key;
    private final StringProperty knownHosts;
    private final ObjectProperty<GpuCatalog.Gpu> gpu;
    private final StringProperty quote = new SimpleStringProperty("");
    private final BooleanProperty fits = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty runId = new SimpleStringProperty("");
    private final StringProperty runStatus = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("no run yet");
    private final StringProperty cost = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanBinding canTrain;

    public RemoteTrainingViewModel(RemoteTraining training, PodLauncher launcher, RemoteSettings settings,
                                   Function<RemoteRun, List<PulledModels.Judged>> judge, HostKeyTrust.FirstUse firstUse,
                                   UiExecutors ex, Clock clock) {
        this.training = training;
        this.launcher = launcher;
        this.settings = settings;
        this.judge = judge;
        this.firstUse = firstUse;
        this.ex = ex;
        this.clock = clock;
        this.pods = new LeftoverPods(launcher, ex);
        this.port = new SimpleObjectProperty<>(settings.port());
        this.user = new SimpleStringProperty(settings.user());
        this.key = new SimpleStringProperty(settings.key());
        this.knownHosts = new SimpleStringProperty(settings.knownHosts());
        this.gpu = new SimpleObjectProperty<>(GpuCatalog.find(settings.runpodGpu()).orElse(GpuCatalog.GPUS.get(0)));
        gpu.addListener((o, a, g) -> requote());
        requote();
        canTrain = busy.not().and(Bindings.createBooleanBinding(() -> target.get() == Target.SSH
                ? !host.get().isBlank() : fits.get(), target, host, fits));
    }

    public ObjectProperty<Target> targetProperty() { return target; }
    public StringProperty hostProperty() { return host; }
    public ObjectProperty<Integer> portProperty() { return port; }
    public StringProperty userProperty() { return user; }
    public StringProperty keyProperty() { return key; }
    public StringProperty knownHostsProperty() { return knownHosts; }
    public ObjectProperty<GpuCatalog.Gpu> gpuProperty() { return gpu; }
    public StringProperty quoteProperty() { return quote; }
    public BooleanProperty fitsProperty() { return fits; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanBinding canTrainProperty() { return canTrain; }
    public StringProperty runIdProperty() { return runId; }
    public StringProperty runStatusProperty() { return runStatus; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    public StringProperty costProperty() { return cost; }
    public StringProperty statusProperty() { return status; }
    public LeftoverPods pods() { return pods; }

    private void requote() {
        PodLauncher.Quote q = launcher.quote(gpu.get().id());
        quote.set(q.text());
        fits.set(q.fits());
    }

    /** On open: show the latest run, follow one that is still running (a restart reattaches), list our pods. */
    public void open() {
        ex.background().execute(() -> {
            training.runs().latest().ifPresent(r -> showLater(r.runId()));
            var running = training.runs().active().stream().filter(r -> r.status().equals("running")).findFirst();
            if (running.isPresent() && inFlight.compareAndSet(false, true)) {
                ex.fx().execute(() -> {
                    busy.set(true);
                    status.set("reattached to run " + running.get().runId());
                });
                finishing(() -> followAndPull(running.get().runId()));
            }
        });
        pods.refresh();
    }

    /** Launches (RunPod) or connects (SSH), trains, follows, pulls and judges; a second click while busy is refused. */
    public void train() {
        if (!canTrain.get() || !inFlight.compareAndSet(false, true)) {
            status.set(busy.get() ? "a run is already in flight: one at a time" : target.get() == Target.SSH
                    ? "enter the SSH host first" : "refusing to launch: " + quote.get());
            return;
        }
        busy.set(true);
        progress.set(-1);
        progressText.set("starting…");
        Target t = target.get();
        Path keyPath = expand(key.get());
        Path known = expand(knownHosts.get());
        String gpuId = gpu.get().id();
        String h = host.get().strip(), u = user.get().strip();
        int p = port.get();
        finishing(() -> {
            RunPodClient.Pod pod = null;
            String id = null;
            try {
                if (t == Target.RUNPOD) {
                    pod = launcher.launch(gpuId, PodLauncher.publicKey(keyPath), Duration.ofMinutes(15), this::say);
                    pods.refresh();
                }
                SshTarget st = pod == null ? new SshTarget(h, p, u, keyPath, known)
                        : new SshTarget(pod.publicIp(), pod.sshPort(), "root", keyPath, known);
                id = training.start(st, firstUse, pod == null ? null : pod.id(), pod == null ? null : pod.costPerHour(), this::say);
                String started = id;
                ex.fx().execute(() -> runId.set(started));
            } catch (RuntimeException e) {
                say("remote training failed: " + e.getMessage());
                if (pod != null) release(pod.id(), null);
                return;
            }
            followAndPull(id);
        });
    }

    private void followAndPull(String id) {
        RemoteRun started = training.find(id);
        TrainingProgress end = training.follow(id, firstUse, poll(), p -> {
            String c = costText(started, clock.instant());
            ex.fx().execute(() -> show(p, c));
        }, closed::get);
        if (closed.get() && !end.finished()) return;
        RemoteRun run = training.find(id);
        if (end.state() == TrainingProgress.State.SUCCEEDED) pullAndJudge(run);
        else if (run.podId() != null) release(run.podId(), run);
        showLater(id);
    }

    /** Reads the run here (a background thread) and shows it on the FX thread. */
    private void showLater(String id) {
        RemoteRun r = training.find(id);
        String c = costText(r, clock.instant());
        ex.fx().execute(() -> showRun(r, c));
    }

    /** Pulls a finished run (one followed elsewhere, or by the CLI) and judges its student. */
    public void pull() {
        String id = runId.get();
        if (id.isBlank() || !inFlight.compareAndSet(false, true)) return;
        busy.set(true);
        finishing(() -> {
            pullAndJudge(training.find(id));
            showLater(id);
        });
    }

    private void pullAndJudge(RemoteRun run) {
        try {
            training.pull(run.runId(), firstUse, this::say);
            List<PulledModels.Judged> verdicts = judge.apply(training.find(run.runId()));
            say(String.join("\n", verdicts.stream().map(PulledModels.Judged::message).toList()));
        } catch (RuntimeException e) {
            say("pull failed: " + e.getMessage());
            return;
        }
        if (run.podId() != null) release(run.podId(), run);
    }

    /** Cancels the running job (its whole process group on the machine); the follow loop then ends the run. */
    public void cancel() {
        String id = runId.get();
        if (id.isBlank() || !busy.get()) return;
        status.set("cancelling " + id + "…");
        ex.background().execute(() -> {
            try {
                training.cancel(id, firstUse);
            } catch (RuntimeException e) {
                say("cancel failed: " + e.getMessage());
            }
        });
    }

    /** Stops following (the run goes on remotely and is reattached on the next open). */
    public void close() {
        closed.set(true);
    }

    private void release(String podId, RemoteRun run) {
        try {
            say(launcher.release(podId) + (run == null ? "" : String.format(Locale.ROOT, "; cost about $%.2f",
                    PodLauncher.cost(run.costPerHour(), Instant.parse(run.startedAt()), clock.instant()))));
        } catch (RuntimeException e) {
            say("could not release pod " + podId + ": " + e.getMessage() + " (see the leftover pods below)");
        }
        pods.refresh();
    }

    private void show(TrainingProgress p, String costNow) {
        progress.set(p.totalSteps() > 0 ? p.fraction() : -1);
        progressText.set(p.summary());
        cost.set(costNow);
    }

    private void showRun(RemoteRun r, String costNow) {
        runId.set(r.runId());
        runStatus.set(r.status());
        if (!busy.get() || !r.active()) {
            progress.set(r.totalSteps() > 0 ? Math.min(1.0, (double) r.step() / r.totalSteps()) : 0);
            progressText.set("run " + r.runId() + ": " + r.status() + " (" + r.stepText()
                    + (r.loss() == null ? "" : String.format(Locale.ROOT, ", loss %.4f", r.loss())) + ")"
                    + (r.message() == null ? "" : " - " + r.message()));
        }
        cost.set(costNow);
    }

    /** The pod's running cost: its price times the time since the run started (until it finished). */
    static String costText(RemoteRun r, Instant now) {
        if (r.podId() == null || r.costPerHour() == null) return "";
        Instant end = r.finishedAt() == null ? now : Instant.parse(r.finishedAt());
        return String.format(Locale.ROOT, "pod %s at $%.2f/hour: about $%.2f so far", r.podId(), r.costPerHour(),
                PodLauncher.cost(r.costPerHour(), Instant.parse(r.startedAt()), end));
    }

    /** Runs a job in the background and frees the single-flight slot when it ends, whatever happened. */
    private void finishing(Runnable job) {
        ex.background().execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                say("remote training failed: " + e.getMessage());
            } finally {
                inFlight.set(false);
                ex.fx().execute(() -> busy.set(false));
            }
        });
    }

    private void say(String line) {
        ex.fx().execute(() -> status.set(line));
    }

    private Duration poll() {
        return Duration.ofMillis(Math.max(50, settings.pollSeconds() * 1000));
    }

    private static Path expand(String p) {
        String s = p.strip();
        return s.startsWith("~/") ? Path.of(System.getProperty("user.home"), s.substring(2)) : Path.of(s);
    }
}
