package com.bizcharts.remote;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.remote.RemoteTrainingPlan.Machine;
import com.bizcharts.remote.RemoteTrainingStatus.State;
import com.bizcharts.sentiment.onnx.TinyStudent;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.store.Database;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The remote-training job's state machine against a real SSH server (MINA SSHD), the loopback RunPod API and the fake
 * trainer: the states a run goes through, what each snapshot says, cancel (while training, while the pod boots),
 * a failure on the machine, detach and reattach. Every pod it launched is gone at the end unless kept.
 */
class RemoteTrainingJobTest {

    private static final HostKeyTrust.FirstUse ACCEPT = (h, t, f) -> true;

    @TempDir Path tmp;
    private LoopbackSshServer ssh;
    private FakeRunPod runpod;
    private Database db;
    private Path control;
    private Path key;
    private RemoteTrainingJob job;
    private final List<RemoteTrainingStatus> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ssh = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        runpod = new FakeRunPod();
        runpod.sshPort = ssh.port();
        control = Files.createDirectories(tmp.resolve("control"));
        db = RemoteFixture.seeded(tmp.resolve("b.db"), tmp.resolve("images"));
        RemoteFixture.addGolden(db, 30);
        key = ssh.writeClientKey(tmp.resolve("id_rsa"));
        Files.writeString(Path.of(key + ".pub"), ssh.clientPublicKey());
        Path python = RemoteFixture.fakePython(Files.createDirectories(tmp.resolve("bin")), control);
        RemoteSettings s = RemoteFixture.settings(tmp.resolve("workspace"), python, "true", runpod.base().toString(), 20, true);
        Clock clock = Clock.systemUTC();
        RemoteTraining training = new RemoteTraining(db, s, tmp.resolve("images"), tmp.resolve("runs"),
                new ApiKeys(Map.of(), false), clock);
        PodLauncher launcher = new PodLauncher(() -> new RunPodClient(URI.create(s.runpodBaseUrl()), FakeRunPod.KEY,
                Duration.ofSeconds(5)), s, training.runs(), clock, d -> {});
        CandidateEvaluation evaluation = new CandidateEvaluation(db, tmp.resolve("images"), new ModelRegistry(db, clock),
                new ModelLoader(tmp.resolve("none"), Engine.signals(Settings.defaults())), new GoldenSet(db, clock), clock);
        job = new RemoteTrainingJob(training, launcher, evaluation, s, clock);
        job.addListener(seen::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.writeString(control.resolve("release"), "go");
        RemoteFixture.awaitDetachedRuns(tmp.resolve("workspace"));
        ssh.close();
        runpod.close();
        db.close();
    }

    private RemoteTrainingPlan onRunPod(boolean keepPod) {
        return new RemoteTrainingPlan.NewRun(new Machine.RunPodGpu("4090", key, tmp.resolve("known_hosts"), "trainer"), keepPod, false);
    }

    private Machine sshHost() {
        return new Machine.SshHost(new SshTarget("127.0.0.1", ssh.port(), "trainer", key, tmp.resolve("known_hosts")));
    }

    private List<State> states() {
        return seen.stream().map(RemoteTrainingStatus::state).distinct().toList();
    }

    private List<String> news() {
        return seen.stream().map(RemoteTrainingStatus::news).filter(n -> n != null).toList();
    }

    private void release() {
        try {
            Files.writeString(control.resolve("release"), "go");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRunPodRunGoesThroughEveryStateJudgesAndReleasesThePod() throws Exception {
        TinyStudent.write(control.resolve("student"), "student-job", DatasetExport.PROMPT + "\n", false);
        Files.writeString(control.resolve("mode"), "gated"); // waits before step 3 until released, so step 2 is seen
        job.addListener(s -> {
            if (s.training() != null && s.training().step() == 2) release();
        });
        List<String> refused = new ArrayList<>();
        List<Boolean> inFlightMidRun = new ArrayList<>();
        job.addListener(s -> {
            if (s.state() == State.TRAINING && refused.isEmpty()) {
                inFlightMidRun.add(job.inFlight());
                refused.add(catchThrowable(() -> job.run(onRunPod(false), ACCEPT)).getMessage());
            }
        });

        RemoteTrainingStatus end = job.run(onRunPod(false), ACCEPT);

        assertThat(states()).containsExactly(State.LAUNCHING, State.STARTING, State.TRAINING, State.PULLING,
                State.JUDGING, State.RELEASING, State.DONE);
        assertThat(refused).containsExactly("a run is already in flight: one at a time");
        assertThat(inFlightMidRun).containsExactly(true);
        assertThat(runpod.created).as("one pod, whatever was asked while in flight").hasSize(1);
        assertThat(news()).first().isEqualTo("NVIDIA GeForce RTX 4090: 24 GB, about $0.69/hour; needs 20 GB: fits");
        assertThat(seen).allSatisfy(s -> assertThat(s.progress()).isBetween(-1.0, 1.0));
        assertThat(seen).filteredOn(s -> s.state() == State.TRAINING && s.stage().startsWith("running step 2/4 (50%) loss 1.2000"))
                .first().satisfies(s -> {
                    assertThat(s.progress()).isEqualTo(0.5);
                    assertThat(s.training().step()).isEqualTo(2);
                    assertThat(s.cost().text()).startsWith("pod pod1 at $0.69/hour: about $");
                    assertThat(s.runId()).isEqualTo(end.runId());
                });
        assertThat(news()).as("a line per step, not per poll").filteredOn(n -> n.startsWith("running step 2/4 (50%)")).hasSize(1);
        assertThat(news()).contains("succeeded step 4/4 (100%) loss 1.4000", "started run " + end.runId() + " on trainer@127.0.0.1:" + ssh.port())
                .anyMatch(n -> n.startsWith("terminated pod pod1; cost about $"));
        assertThat(end.state()).isEqualTo(State.DONE);
        assertThat(end.failure()).isNull();
        assertThat(end.verdicts()).extracting(PulledModels.Judged::modelId)
                .containsExactly(end.runId() + "-adapter", end.runId() + "-student");
        assertThat(end.verdicts().get(1).verdict().eligible()).isTrue();
        assertThat(end.run().status()).isEqualTo("pulled");
        assertThat(end.stage()).startsWith("run " + end.runId() + ": pulled (step 4/4, loss 1.4000)");
        assertThat(end.progress()).isEqualTo(1.0);
        assertThat(runpod.pods).as("the pod is gone after the pull").isEmpty();
        assertThat(job.current()).isEqualTo(end);
        assertThat(job.inFlight()).isFalse();
    }

    @Test
    void cancelWhileTrainingKillsTheRunAndReleasesThePod() throws Exception {
        Files.writeString(control.resolve("mode"), "gated"); // waits before step 3
        job.addListener(s -> {
            if (s.state() == State.TRAINING && s.training() != null && s.training().step() == 2) {
                Thread other = Thread.ofVirtual().start(job::cancel); // from any thread
                try {
                    other.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        RemoteTrainingStatus end = job.run(onRunPod(false), ACCEPT);

        assertThat(end.state()).isEqualTo(State.CANCELLED);
        assertThat(end.failure().error()).isEqualTo("cancelled by the user");
        assertThat(states()).containsExactly(State.LAUNCHING, State.STARTING, State.TRAINING, State.RELEASING, State.CANCELLED);
        assertThat(news()).contains("cancelled run " + end.runId()).anyMatch(n -> n.startsWith("terminated pod pod1; cost about $"));
        assertThat(runpod.pods).as("the pod is released").isEmpty();
        assertThat(runpod.calls).contains("DELETE /pod1");
        assertThat(end.run().status()).isEqualTo("cancelled");
        assertThat(end.stage()).contains(": cancelled (step 2/4").contains("cancelled by the user");
        assertThat(tmp.resolve("workspace/bizcharts/runs/" + end.runId() + "/cancelled")).as("the remote process group was told").exists();
        assertThat(end.verdicts()).isEmpty();
    }

    @Test
    void cancelWhileThePodBootsTerminatesItAndStartsNoRun() {
        runpod.neverReady = true;
        job.addListener(s -> {
            if (s.news() != null && s.news().startsWith("pod pod1 created")) job.cancel();
        });

        RemoteTrainingStatus end = job.run(onRunPod(false), ACCEPT);

        assertThat(end.state()).isEqualTo(State.CANCELLED);
        assertThat(end.failure().error()).isEqualTo("cancelled while the pod was booting");
        assertThat(news()).contains("launch cancelled; terminated pod pod1");
        assertThat(states()).containsExactly(State.LAUNCHING, State.CANCELLED);
        assertThat(runpod.pods).isEmpty();
        assertThat(job.runs().latest()).as("no run was started").isEmpty();
    }

    @Test
    void aRunThatFailsOnTheMachineSaysWhyAndReleasesThePod() throws Exception {
        Files.writeString(control.resolve("mode"), "fail");

        RemoteTrainingStatus end = job.run(onRunPod(true), ACCEPT);

        assertThat(end.state()).isEqualTo(State.FAILED);
        assertThat(end.failure().error()).isEqualTo("the run failed on the machine: CUDA out of memory");
        assertThat(end.failure().whatToDo()).contains("/bizcharts/runs/" + end.runId() + "/train.log");
        assertThat(end.failure().badInput()).isFalse();
        assertThat(states()).doesNotContain(State.PULLING).contains(State.RELEASING);
        assertThat(runpod.pods).as("keep-pod keeps a pod only after a successful pull").isEmpty();
        assertThat(end.run().status()).isEqualTo("failed");
    }

    @Test
    void aBadGpuIsBadInputAndLaunchesNothing() {
        RemoteTrainingStatus end = job.run(new RemoteTrainingPlan.NewRun(
                new Machine.RunPodGpu("RTX", key, tmp.resolve("known_hosts"), "root"), false, false), ACCEPT);
        assertThat(end.state()).isEqualTo(State.FAILED);
        assertThat(end.failure().badInput()).isTrue();
        assertThat(end.failure().text()).startsWith("unknown or ambiguous GPU type 'RTX'");
        assertThat(runpod.calls).isEmpty();
    }

    @Test
    void detachLeavesTheRunGoingAndAReattachFinishesIt() throws Exception {
        Files.writeString(control.resolve("mode"), "gated");
        RemoteTrainingStatus detached = job.run(new RemoteTrainingPlan.NewRun(sshHost(), false, true), ACCEPT);
        assertThat(detached.state()).isEqualTo(State.DETACHED);
        assertThat(detached.news()).isNull();
        assertThat(news()).contains("detached; follow with 'remote status --follow', then 'remote pull'");
        assertThat(job.runs().find(detached.runId()).orElseThrow().status()).isEqualTo("running");
        assertThat(detached.cost()).as("an SSH machine has no pod to pay for").isNull();

        seen.clear();
        job.addListener(s -> {
            if (s.training() != null && s.training().step() == 2) release();
        });
        RemoteTrainingStatus end = job.run(new RemoteTrainingPlan.Reattach(detached.runId(), false), ACCEPT);
        assertThat(news()).first().isEqualTo("reattached to run " + detached.runId());
        assertThat(states()).containsExactly(State.TRAINING, State.PULLING, State.JUDGING, State.DONE);
        assertThat(end.run().status()).isEqualTo("pulled");
        RemoteTrainingStatus missing = job.run(new RemoteTrainingPlan.Pull("rt-missing", false), ACCEPT);
        assertThat(missing.state()).as("no exception escapes: the failure is in the snapshot").isEqualTo(State.FAILED);
        assertThat(missing.failure().text()).isEqualTo("no remote run rt-missing");
        assertThat(missing.failure().badInput()).isTrue();
    }
}
