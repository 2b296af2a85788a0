package com.bizcharts.ui.remote;

import com.bizcharts.remote.GpuCatalog;
import com.bizcharts.remote.HostKeyTrust;
import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.RemoteRun;
import com.bizcharts.remote.RemoteSettings;
import com.bizcharts.remote.RemoteTrainingJob;
import com.bizcharts.remote.RemoteTrainingPlan;
import com.bizcharts.remote.RemoteTrainingPlan.Machine;
import com.bizcharts.remote.RemoteTrainingStatus;
import com.bizcharts.remote.SshTarget;
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

/**
 * The remote-training panel's state, bound to the engine's {@link RemoteTrainingJob}: a target (SSH host, or a
 * RunPod GPU with its price and memory fit), Train (single flight: disabled while the job is in flight, and refused
 * if clicked anyway), and the job's snapshots shown as they come (stage, progress, ETA, running cost, verdicts),
 * cancel, pull + verdict, and reattach to a run still going when the view opens. Leftover pods live in
 * {@link LeftoverPods}. The sequence itself is the job's; this class only asks for it and shows it.
 */
public final class RemoteTrainingViewModel {

    public enum Target { SSH, RUNPOD }

    private final RemoteTrainingJob job;
    private final PodLauncher launcher;
    private final HostKeyTrust.FirstUse firstUse;
    private final UiExecutors ex;
    private final Clock clock;
    private final LeftoverPods pods;

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

    public RemoteTrainingViewModel(RemoteTrainingJob job, PodLauncher launcher, RemoteSettings settings,
                                   HostKeyTrust.FirstUse firstUse, UiExecutors ex, Clock clock) {
        this.job = job;
        this.launcher = launcher;
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
        job.addListener(s -> ex.fx().execute(() -> show(s)));
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
            job.runs().latest().ifPresent(r -> ex.fx().execute(() -> showRun(r)));
            job.runs().active().stream().filter(r -> r.status().equals("running")).findFirst()
                    .ifPresent(r -> ex.fx().execute(() -> begin(new RemoteTrainingPlan.Reattach(r.runId(), false))));
        });
        pods.refresh();
    }

    /** Launches (RunPod) or connects (SSH), trains, follows, pulls and judges; a second click while busy is refused. */
    public void train() {
        if (!canTrain.get()) {
            status.set(busy.get() ? "a run is already in flight: one at a time" : target.get() == Target.SSH
                    ? "enter the SSH host first" : "refusing to launch: " + quote.get());
            return;
        }
        Path keyPath = expand(key.get());
        Path known = expand(knownHosts.get());
        Machine machine;
        try {
            machine = target.get() == Target.RUNPOD ? new Machine.RunPodGpu(gpu.get().id(), keyPath, known, "root")
                    : new Machine.SshHost(new SshTarget(host.get().strip(), port.get(), user.get().strip(), keyPath, known));
        } catch (IllegalArgumentException e) {
            status.set("remote training failed: " + e.getMessage());
            return;
        }
        progress.set(-1);
        progressText.set("starting…");
        begin(new RemoteTrainingPlan.NewRun(machine, false, false));
    }

    /** Pulls a finished run (one followed elsewhere, or by the CLI), judges its student and releases its pod. */
    public void pull() {
        String id = runId.get();
        if (!id.isBlank() && !busy.get()) begin(new RemoteTrainingPlan.Pull(id, false));
    }

    /** Cancels the run in flight: the job kills its remote process group and releases a launched pod. */
    public void cancel() {
        String id = runId.get();
        if (id.isBlank() || !busy.get()) return;
        status.set("cancelling " + id + "…");
        job.cancel();
    }

    /** Stops following (the run goes on remotely and is reattached on the next open). */
    public void close() {
        job.detach();
    }

    /** Hands the plan to the job on a background thread; busy until the job is free again. */
    private void begin(RemoteTrainingPlan plan) {
        busy.set(true);
        try {
            job.start(plan, firstUse, ex.background())
                    .whenComplete((end, e) -> ex.fx().execute(() -> {
                        busy.set(false);
                        if (e != null) status.set("remote training failed: " + e.getMessage());
                    }));
        } catch (IllegalStateException e) { // the job is in flight already (another view, or a reattach)
            busy.set(job.inFlight());
            status.set(e.getMessage());
        }
    }

    private void show(RemoteTrainingStatus s) {
        if (s.runId() != null) runId.set(s.runId());
        if (s.run() != null) runStatus.set(s.run().status());
        progress.set(s.progress());
        progressText.set(s.stage());
        cost.set(s.cost() == null ? "" : s.cost().text());
        if (s.news() != null) status.set(s.news());
        if (s.state() == RemoteTrainingStatus.State.FAILED) status.set("remote training failed: " + s.failure().text());
        // The pods list changes when a launched pod is up and when the job ends (released, or a launch that failed).
        boolean podUp = s.state() == RemoteTrainingStatus.State.STARTING && s.cost() != null && s.news() == null;
        if (podUp || s.state().finished() && (s.cost() != null || target.get() == Target.RUNPOD)) pods.refresh();
    }

    /** A stored run, while no job runs: its row and what its pod cost. */
    private void showRun(RemoteRun r) {
        runId.set(r.runId());
        runStatus.set(r.status());
        progress.set(r.fraction());
        progressText.set(r.summary());
        var c = RemoteTrainingStatus.PodCost.of(r, clock.instant());
        cost.set(c == null ? "" : c.text());
    }

    private static Path expand(String p) {
        String s = p.strip();
        return s.startsWith("~/") ? Path.of(System.getProperty("user.home"), s.substring(2)) : Path.of(s);
    }
}
