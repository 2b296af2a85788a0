package com.bizcharts.ui.remote;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.remote.DatasetExport;
import com.bizcharts.remote.FakeRunPod;
import com.bizcharts.remote.GpuCatalog;
import com.bizcharts.remote.HostKeyTrust;
import com.bizcharts.remote.LoopbackSshServer;
import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.RemoteFixture;
import com.bizcharts.remote.RemoteSettings;
import com.bizcharts.remote.RemoteTraining;
import com.bizcharts.remote.RemoteTrainingJob;
import com.bizcharts.remote.RunPodClient;
import com.bizcharts.sentiment.onnx.TinyStudent;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.store.Database;
import com.bizcharts.ui.common.UiExecutors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remote training view-model on a same-thread executor against a real SSH server (MINA SSHD) and a loopback
 * RunPod API: each action runs to its end inside the call, so the test reads the states the view would show.
 */
class RemoteTrainingViewModelTest {

    @TempDir Path tmp;
    private LoopbackSshServer ssh;
    private FakeRunPod runpod;
    private Database db;
    private Path control;
    private Path key;
    private RemoteTraining training;
    private ModelRegistry registry;
    private final List<String> statuses = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final List<String> hostsAsked = new ArrayList<>();
    private boolean trust = true;

    @BeforeEach
    void setUp() throws Exception {
        ssh = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        runpod = new FakeRunPod();
        runpod.sshPort = ssh.port();
        control = tmp.resolve("control");
        db = RemoteFixture.seeded(tmp.resolve("b.db"), tmp.resolve("images"));
        RemoteFixture.addGolden(db, 30);
        key = ssh.writeClientKey(tmp.resolve("id_rsa"));
        Files.writeString(Path.of(key + ".pub"), ssh.clientPublicKey());
        registry = new ModelRegistry(db, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.writeString(Files.createDirectories(control).resolve("release"), "go");
        RemoteFixture.awaitDetachedRuns(tmp.resolve("workspace"));
        ssh.close();
        runpod.close();
        db.close();
    }

    private RemoteTrainingViewModel vm(double requiredGb) throws Exception {
        Path python = RemoteFixture.fakePython(Files.createDirectories(tmp.resolve("bin")), control);
        RemoteSettings s = RemoteFixture.settings(tmp.resolve("workspace"), python, "true", runpod.base().toString(), requiredGb, true);
        Clock clock = Clock.systemUTC();
        training = new RemoteTraining(db, s, tmp.resolve("images"), tmp.resolve("runs"), new ApiKeys(Map.of(), false), clock);
        PodLauncher launcher = new PodLauncher(() -> new RunPodClient(URI.create(s.runpodBaseUrl()), FakeRunPod.KEY,
                Duration.ofSeconds(5)), s, training.runs(), clock, d -> {});
        ModelLoader loader = new ModelLoader(tmp.resolve("none"), Engine.signals(Settings.defaults()));
        CandidateEvaluation evaluation = new CandidateEvaluation(db, tmp.resolve("images"), registry, loader,
                new GoldenSet(db, clock), clock);
        HostKeyTrust.FirstUse firstUse = (host, type, fingerprint) -> {
            hostsAsked.add(host + " " + fingerprint);
            return trust;
        };
        var vm = new RemoteTrainingViewModel(new RemoteTrainingJob(training, launcher, evaluation, s, clock), launcher, s,
                firstUse, UiExecutors.sameThread(), clock);
        vm.statusProperty().addListener((o, a, t) -> statuses.add(t));
        vm.progressTextProperty().addListener((o, a, t) -> progress.add(t));
        vm.keyProperty().set(key.toString());
        vm.knownHostsProperty().set(tmp.resolve("known_hosts").toString());
        return vm;
    }

    private void sshTarget(RemoteTrainingViewModel vm) {
        vm.hostProperty().set("127.0.0.1");
        vm.portProperty().set(ssh.port());
        vm.userProperty().set("trainer");
    }

    @Test
    void oneClickOnRunPodLaunchesTrainsPullsJudgesAndTerminatesThePod() throws Exception {
        TinyStudent.write(control.resolve("student"), "student-ui", DatasetExport.PROMPT + "\n", false);
        Files.writeString(control.resolve("mode"), "gated"); // waits at step 3, so the test can click mid-run
        RemoteTrainingViewModel vm = vm(20);
        vm.targetProperty().set(RemoteTrainingViewModel.Target.RUNPOD);
        assertThat(vm.quoteProperty().get()).isEqualTo("NVIDIA GeForce RTX 4090: 24 GB, about $0.69/hour; needs 20 GB: fits");
        assertThat(vm.canTrainProperty().get()).isTrue();
        List<Boolean> trainableMidRun = new ArrayList<>();
        vm.progressTextProperty().addListener((o, a, t) -> {
            if (t.startsWith("running step 2/")) {
                trainableMidRun.add(vm.canTrainProperty().get());
                vm.train(); // the double click
                release();
            }
        });

        vm.train();

        assertThat(runpod.created).as("one pod, whatever the clicks").hasSize(1);
        assertThat(runpod.created.get(0).path("env").path("PUBLIC_KEY").asText()).isEqualTo(ssh.clientPublicKey());
        assertThat(trainableMidRun).containsExactly(false);
        assertThat(statuses).contains("a run is already in flight: one at a time");
        // no "ETA" asserted: steps 1 and 2 may well arrive in one poll, and one poll shows no pace (ProgressTrackerTest)
        assertThat(progress).anyMatch(p -> p.startsWith("running step 2/4 (50%) loss 1.2000"));
        assertThat(hostsAsked).singleElement().satisfies(h -> assertThat(h).contains("SHA256:"));
        String runId = vm.runIdProperty().get();
        assertThat(statuses).anyMatch(s -> s.contains(runId + "-student on 31 golden posts neither model trained on (of 31)") && s.contains("eligible"))
                .anyMatch(s -> s.startsWith("terminated pod pod1; cost about $"));
        assertThat(runpod.pods).as("the pod is gone after the pull").isEmpty();
        assertThat(vm.pods().list()).isEmpty();
        assertThat(vm.runStatusProperty().get()).isEqualTo("pulled");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.costProperty().get()).startsWith("pod pod1 at $0.69/hour: about $");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canTrainProperty().get()).isTrue();
        assertThat(registry.metrics(runId + "-student")).contains("\"status\":\"eligible\"");
    }

    @Test
    void aGpuTooSmallForTheModelIsNeverLaunched() throws Exception {
        RemoteTrainingViewModel vm = vm(30);
        vm.targetProperty().set(RemoteTrainingViewModel.Target.RUNPOD);
        assertThat(vm.fitsProperty().get()).isFalse();
        assertThat(vm.canTrainProperty().get()).isFalse();
        vm.train();
        assertThat(statuses).containsExactly("refusing to launch: NVIDIA GeForce RTX 4090: 24 GB, about $0.69/hour;"
                + " needs 30 GB: does NOT fit");
        assertThat(runpod.created).isEmpty();
        vm.gpuProperty().set(GpuCatalog.require("A6000"));
        assertThat(vm.fitsProperty().get()).isTrue();
        assertThat(vm.canTrainProperty().get()).isTrue();
    }

    @Test
    void cancelStopsTheRunAndFreesTheButton() throws Exception {
        Files.writeString(Files.createDirectories(control).resolve("mode"), "gated");
        RemoteTrainingViewModel vm = vm(20);
        sshTarget(vm);
        vm.progressTextProperty().addListener((o, a, t) -> {
            if (t.startsWith("running step 2/")) vm.cancel();
        });
        vm.train();
        assertThat(statuses).anyMatch(s -> s.startsWith("cancelling rt-"));
        assertThat(vm.runStatusProperty().get()).isEqualTo("cancelled");
        assertThat(vm.progressTextProperty().get()).contains(": cancelled (step 2/4").contains("cancelled by the user");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canTrainProperty().get()).isTrue();
        assertThat(runpod.created).as("an SSH run launches nothing").isEmpty();
    }

    @Test
    void openingTheViewReattachesToARunStillGoing() throws Exception {
        Files.writeString(Files.createDirectories(control).resolve("mode"), "gated");
        RemoteTrainingViewModel first = vm(20);
        sshTarget(first);
        first.progressTextProperty().addListener((o, a, t) -> {
            if (t.startsWith("running step 2/")) first.close(); // the window closes mid-run
        });
        first.train();
        String runId = first.runIdProperty().get();
        assertThat(training.find(runId).status()).isEqualTo("running");

        RemoteTrainingViewModel reopened = vm(20);
        reopened.progressTextProperty().addListener((o, a, t) -> {
            if (t.startsWith("running step 2/")) release();
        });
        reopened.open();
        assertThat(statuses).contains("reattached to run " + runId);
        assertThat(reopened.runIdProperty().get()).isEqualTo(runId);
        assertThat(reopened.runStatusProperty().get()).isEqualTo("pulled");
        assertThat(reopened.busyProperty().get()).isFalse();
    }

    private void release() {
        try {
            Files.writeString(control.resolve("release"), "go");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anUnknownHostIsRefusedWithoutTheUsersYes() throws Exception {
        trust = false;
        RemoteTrainingViewModel vm = vm(20);
        sshTarget(vm);
        vm.train();
        assertThat(hostsAsked).hasSize(1);
        assertThat(vm.statusProperty().get()).startsWith("remote training failed: host [127.0.0.1]:")
                .contains("was not confirmed").contains("'Trust and connect'");
        assertThat(Files.readString(tmp.resolve("known_hosts"))).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void leftoverPodsOfOursAreListedWithTheirCostAndSwept() throws Exception {
        runpod.addPod("podA", "bizcharts-1700000000");
        runpod.addPod("podB", "someone-else");
        RemoteTrainingViewModel vm = vm(20);
        vm.pods().refresh();
        assertThat(vm.pods().list()).extracting(RunPodClient.Pod::id).containsExactly("podA");
        assertThat(vm.pods().statusProperty().get()).isEqualTo("our pods on RunPod: 1 (running ones cost $0.69/hour together)");
        vm.pods().sweep();
        assertThat(vm.pods().list()).isEmpty();
        assertThat(vm.pods().statusProperty().get()).isEqualTo("terminated 1 pod(s); none of ours left");
        assertThat(runpod.pods).containsOnlyKeys("podB");
    }
}
