package com.bizcharts.remote;

import com.bizcharts.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PodLauncherTest {

    @TempDir Path tmp;
    private FakeRunPod runpod;
    private Database db;
    private RunRepository runs;
    private final List<String> said = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void setUp() throws Exception {
        runpod = new FakeRunPod();
        db = Database.open(tmp.resolve("db.sqlite"));
        runs = new RunRepository(db, Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        runpod.close();
        db.close();
    }

    private RemoteSettings settings(double requiredGb, boolean terminate) {
        return RemoteFixture.settings(tmp, tmp, "true", runpod.base().toString(), requiredGb, terminate);
    }

    private static RemoteSettings withTrainArgs(RemoteSettings s, String trainArgs) {
        return new RemoteSettings(s.workspace(), s.user(), s.port(), s.key(), s.knownHosts(), s.python(), s.setup(),
                trainArgs, s.exportStudent(), s.validationShare(), s.teacherMinConfidence(), s.connectTimeoutSeconds(),
                s.pollSeconds(), s.runpodBaseUrl(), s.runpodImage(), s.runpodGpu(), s.runpodVolumeGb(),
                s.runpodContainerDiskGb(), s.runpodNamePrefix(), s.terminateAfterPull(), s.maxHours(), s.idleMinutes(),
                s.requiredGpuMemoryGb(), s.servePort(), s.serveLocalPort(), s.serveStartMinutes());
    }

    private PodLauncher launcher(RemoteSettings s, PodLauncher.Pause pause) {
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        return new PodLauncher(() -> new RunPodClient(runpod.base(), FakeRunPod.KEY, Duration.ofSeconds(5)), s, runs, clock, pause);
    }

    private PodLauncher launcher() {
        return launcher(settings(20, true), d -> now = now.plus(d));
    }

    @Test
    void launchCreatesThePodAndWaitsForItsSshPort() {
        RunPodClient.Pod pod = launcher().launch("4090", "ssh-ed25519 AAAA test", Duration.ofMinutes(10), said::add);
        assertThat(pod.sshReady()).isTrue();
        assertThat(pod.publicIp()).isEqualTo("127.0.0.1");
        assertThat(pod.sshPort()).isEqualTo(2222);
        assertThat(pod.costPerHour()).isEqualTo(0.69);
        var body = runpod.created.get(0);
        assertThat(body.path("gpuTypeIds").get(0).asText()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(body.path("imageName").asText()).isEqualTo("runpod/pytorch:2.4.0");
        assertThat(body.path("ports").get(0).asText()).isEqualTo("22/tcp");
        assertThat(body.path("volumeInGb").asInt()).isEqualTo(50);
        assertThat(body.path("env").path("PUBLIC_KEY").asText()).isEqualTo("ssh-ed25519 AAAA test");
        assertThat(body.path("name").asText()).startsWith("bizcharts-");
        assertThat(said.get(0)).contains("24 GB").contains("$0.69/hour").contains("fits");
    }

    @Test
    void aSecondLaunchWhileOurPodIsUpIsRefused() {
        PodLauncher launcher = launcher();
        launcher.launch("4090", "k", Duration.ofMinutes(10), said::add);
        assertThatThrownBy(() -> launcher.launch("4090", "k", Duration.ofMinutes(10), said::add))
                .hasMessageContaining("pod1").hasMessageContaining("still up");
        assertThat(runpod.created).hasSize(1);
    }

    @Test
    void aConcurrentSecondClickNeverCreatesASecondPod() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PodLauncher launcher = launcher(settings(20, true), d -> {
            waiting.countDown();
            release.await(5, TimeUnit.SECONDS);
        });
        var first = CompletableFuture.supplyAsync(() -> launcher.launch("4090", "k", Duration.ofMinutes(10), s -> {}));
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> launcher.launch("4090", "k", Duration.ofMinutes(10), s -> {}))
                .hasMessageContaining("already in progress");
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).id()).isEqualTo("pod1");
        assertThat(runpod.created).hasSize(1);
    }

    @Test
    void bf16LoraIsQuotedWithTheMemoryItNeedsNotQloras() {
        // 20 GB is the configured 4-bit QLoRA figure; bf16 LoRA of the 7B measured 28 GB, 34 GB with long posts
        RemoteSettings qlora = settings(20, true);
        PodLauncher bf16 = launcher(withTrainArgs(qlora, "--epochs 3 --quantization none"), d -> {});
        assertThat(bf16.quote("4090").requiredGb()).isEqualTo(GpuCatalog.BF16_LORA_7B_GB);
        assertThat(bf16.quote("4090").text()).endsWith("needs 34 GB: does NOT fit");
        assertThat(bf16.quote("a6000").fits()).isTrue();
        assertThat(launcher(withTrainArgs(qlora, "--quantization=none"), d -> {}).quote("4090").fits()).isFalse();
        assertThat(launcher(withTrainArgs(qlora, "--quantization 4bit"), d -> {}).quote("4090").fits()).isTrue();
        assertThat(launcher(qlora, d -> {}).quote("4090").requiredGb()).isEqualTo(20.0);
    }

    @Test
    void aModelThatDoesNotFitIsRefusedBeforeAnythingIsCreated() {
        PodLauncher launcher = launcher(settings(30, true), d -> {});
        assertThat(launcher.quote("4090").fits()).isFalse();
        assertThat(launcher.quote("a6000").fits()).isTrue();
        assertThatThrownBy(() -> launcher.launch("4090", "k", Duration.ofMinutes(10), said::add))
                .hasMessageContaining("does NOT fit");
        assertThat(runpod.calls).isEmpty();
        assertThatThrownBy(() -> launcher.quote("RTX")).hasMessageContaining("unknown or ambiguous");
    }

    @Test
    void aPodThatNeverExposesSshIsTerminated() {
        runpod.neverReady = true;
        assertThatThrownBy(() -> launcher().launch("4090", "k", Duration.ofMinutes(1), said::add))
                .hasMessageContaining("did not expose SSH");
        assertThat(runpod.pods).isEmpty();
        assertThat(runpod.calls).contains("DELETE /pod1");
    }

    @Test
    void releaseTerminatesByDefaultOrStopsToKeepTheVolume() {
        runpod.addPod("a", "bizcharts-1");
        runpod.addPod("b", "bizcharts-2");
        assertThat(launcher().release("a")).startsWith("terminated");
        assertThat(runpod.pods).doesNotContainKey("a");
        assertThat(launcher(settings(20, false), d -> {}).release("b")).startsWith("stopped");
        assertThat(runpod.pods.get("b").path("desiredStatus").asText()).isEqualTo("EXITED");
    }

    @Test
    void sweepTerminatesOnlyOurPods() {
        runpod.addPod("x", "bizcharts-9");
        runpod.addPod("y", "someone-elses-pod");
        assertThat(launcher().sweep()).extracting(RunPodClient.Pod::id).containsExactly("x");
        assertThat(runpod.pods).containsOnlyKeys("y");
    }

    @Test
    void errorsCarryRunPodsReasonButNeverTheKey() {
        runpod.failCreate = "There are no longer any instances available";
        assertThatThrownBy(() -> launcher().launch("4090", "k", Duration.ofMinutes(1), said::add))
                .isInstanceOf(RemoteException.class).hasMessageContaining("HTTP 500")
                .hasMessageContaining("no longer any instances");
        RunPodClient wrongKey = new RunPodClient(runpod.base(), "not-the-key-xyz", Duration.ofSeconds(5));
        assertThatThrownBy(wrongKey::list).hasMessageContaining("HTTP 401").hasMessageContaining("unauthorized")
                .hasMessageNotContaining("not-the-key-xyz");
        assertThatThrownBy(() -> new RunPodClient(runpod.base(), " ", Duration.ofSeconds(5)))
                .hasMessageContaining("RUNPOD_API_KEY");
        assertThatThrownBy(() -> new RunPodClient(runpod.base(), FakeRunPod.KEY, Duration.ofSeconds(5)).get("missing"))
                .hasMessageContaining("HTTP 404").hasMessageContaining("pod not found");
    }

    @Test
    void anErrorEchoingTheKeyHasItRedacted() {
        runpod.failCreate = "no capacity for the request made with Bearer " + FakeRunPod.KEY + " (key " + FakeRunPod.KEY + ")";
        assertThatThrownBy(() -> launcher().launch("4090", "k", Duration.ofMinutes(1), said::add))
                .isInstanceOf(RemoteException.class).hasMessageContaining("HTTP 500").hasMessageContaining("no capacity")
                .hasMessageContaining("[redacted]").hasMessageNotContaining(FakeRunPod.KEY);
        assertThat(String.join("\n", said)).doesNotContain(FakeRunPod.KEY);
    }

    @Test
    void theKeyIsNotSentOverPlainHttpOffTheLoopbackUnlessAllowed() {
        URI lan = URI.create("http://192.0.2.10:9/v1"); // TEST-NET: refused before any request is made
        assertThatThrownBy(() -> new RunPodClient(lan, FakeRunPod.KEY, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to send RUNPOD_API_KEY over plain http:// to 192.0.2.10")
                .hasMessageNotContaining(FakeRunPod.KEY);
        assertThat(new RunPodClient(lan, FakeRunPod.KEY, Duration.ofSeconds(1), new com.bizcharts.secrets.KeyTransport(true)))
                .isNotNull();
    }

    @Test
    void runningCostFollowsThePodsPrice() {
        assertThat(PodLauncher.cost(0.69, now, now.plus(Duration.ofMinutes(90)))).isEqualTo(1.035, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PodLauncher.cost(null, now, now.plusSeconds(60))).isZero();
    }
}
