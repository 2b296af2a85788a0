package com.bizcharts.remote;

import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.bizcharts.store.schema.Tables.MODELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Push, start, progress, failure, cancel, reattach and pull against a real SSH server over the real protocol. */
class RemoteTrainingTest {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final HostKeyTrust.FirstUse ACCEPT = (h, t, f) -> true;

    @TempDir Path tmp;
    private LoopbackSshServer server;
    private Database db;
    private Path control;
    private Path workspace;
    private SshTarget target;
    private RemoteTraining training;
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        control = tmp.resolve("control");
        workspace = tmp.resolve("workspace");
        Path python = RemoteFixture.fakePython(Files.createDirectories(tmp.resolve("bin")), control);
        db = RemoteFixture.seeded(tmp.resolve("bizcharts.db"), tmp.resolve("images"));
        target = new SshTarget("127.0.0.1", server.port(), "trainer", server.writeClientKey(tmp.resolve("id_rsa")),
                tmp.resolve("ssh/known_hosts"));
        training = newTraining(RemoteFixture.settings(workspace, python, "mkdir -p {workspace}/venv"));
    }

    private RemoteTraining newTraining(RemoteSettings settings) {
        return new RemoteTraining(db, settings, tmp.resolve("images"), tmp.resolve("runs"),
                new ApiKeys(Map.of(), false), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.writeString(control.resolve("release"), "go"); // never leave a gated fake waiting
        RemoteFixture.awaitDetachedRuns(workspace); // ...nor let it write while the temp folder is deleted
        server.close();
        db.close();
    }

    @Test
    void aDroppedConnectionWhileFollowingIsReconnectedAndTheRunFollowedToItsEnd() throws Exception {
        Files.writeString(control.resolve("mode"), "gated");
        String runId = training.start(target, ACCEPT, null, null, said::add);
        List<TrainingProgress> seen = new ArrayList<>();
        List<String> news = new ArrayList<>();
        boolean[] dropped = {false};
        try (StderrCapture logs = new StderrCapture()) {
            TrainingProgress end = training.follow(runId, ACCEPT, POLL, p -> {
                seen.add(p);
                if (p.step() == 2 && !dropped[0]) {
                    dropped[0] = true;
                    server.dropConnections(); // mid-run: the job is waiting at step 3 on the machine
                    try {
                        Files.writeString(control.resolve("release"), "go");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, () -> false, news::add);
            assertThat(end.state()).as(String.join("\n", news)).isEqualTo(TrainingProgress.State.SUCCEEDED);
            assertThat(end.step()).isEqualTo(4);
            assertThat(logs.text()).as("no stack trace for a drop we handle").doesNotContain("ERROR").doesNotContain("\tat ");
        }
        assertThat(dropped[0]).isTrue();
        assertThat(news).anyMatch(n -> n.contains("the connection to trainer@127.0.0.1:" + server.port() + " dropped")
                && n.contains("reconnecting in") && n.contains("(attempt 1)"));
        assertThat(news).anyMatch(n -> n.startsWith("reconnected to trainer@127.0.0.1:" + server.port()));
        assertThat(training.find(runId).status()).isEqualTo("succeeded");
    }

    @Test
    void pushesTrainsFollowsAndPullsWithChecksums() throws Exception {
        String runId = training.start(target, ACCEPT, null, null, said::add);
        assertThat(Files.isDirectory(workspace.resolve("venv"))).as("setup command ran").isTrue();
        Path data = workspace.resolve("bizcharts/data");
        JsonNode train = new ObjectMapper().readTree(data.resolve("train.json").toFile());
        JsonNode val = new ObjectMapper().readTree(data.resolve("val.json").toFile());
        assertThat(train.size() + val.size()).as("11 human (golden kept out) + 2 confident teacher").isEqualTo(13);
        assertThat(train.toString() + val).doesNotContain("wagmi " + RemoteFixture.GOLDEN_THREAD).doesNotContain("wagmi 1014");
        assertThat(train.get(0).path("messages").get(1).path("content").asText()).isIn("bearish", "neutral", "bullish");
        assertThat(Files.exists(workspace.resolve("bizcharts/scripts/train_vlm.py"))).isTrue();
        assertThat(Files.readAllBytes(data.resolve("images/2026/1000s.jpg"))).containsExactly((byte) 1000, 1, 2);

        List<TrainingProgress> seen = new ArrayList<>();
        TrainingProgress end = training.follow(runId, ACCEPT, POLL, seen::add, () -> false);
        assertThat(end.state()).isEqualTo(TrainingProgress.State.SUCCEEDED);
        assertThat(end.step()).isEqualTo(4);
        assertThat(end.loss()).isEqualTo(1.4);
        assertThat(training.find(runId).status()).isEqualTo("succeeded");

        List<String> ids = training.pull(runId, ACCEPT, said::add);
        assertThat(ids).containsExactly(runId + "-adapter", runId + "-student");
        Path local = tmp.resolve("runs").resolve(runId).resolve("output");
        Path remote = workspace.resolve("bizcharts/runs").resolve(runId).resolve("output");
        assertThat(FileSync.sha256(local.resolve("adapter/adapter_model.safetensors")))
                .isEqualTo(FileSync.sha256(remote.resolve("adapter/adapter_model.safetensors")));
        var adapter = db.read().selectFrom(MODELS).where(MODELS.MODEL_ID.eq(runId + "-adapter")).fetchOne();
        assertThat(adapter.getKind()).isEqualTo("vlm-adapter");
        assertThat(adapter.getMacroF1()).isEqualTo(0.61);
        assertThat(adapter.getActive()).as("never promoted without a golden-set score").isZero();
        assertThat(adapter.getMetricsJson()).contains(PulledModels.PENDING);
        assertThat(adapter.getLineageJson()).contains("\"run_id\":\"" + runId + "\"").contains("\"human\":11");
        assertThat(training.find(runId).status()).isEqualTo("pulled");

        // A second pull transfers nothing: every file already matches its checksum.
        said.clear();
        training.pull(runId, ACCEPT, said::add);
        assertThat(said.get(0)).startsWith("pulled 0 files (6 already here)");
    }

    @Test
    void aSecondPushSkipsFilesThatAlreadyMatch() {
        String first = training.start(target, ACCEPT, null, null, said::add);
        training.follow(first, ACCEPT, POLL, p -> {}, () -> false);
        said.clear();
        training.start(target, ACCEPT, null, null, said::add);
        assertThat(said).anyMatch(s -> s.startsWith("pushed 0 files (") && s.contains("already there"));
    }

    @Test
    void aFailedRunReportsTheScriptsError() throws Exception {
        Files.writeString(control.resolve("mode"), "fail");
        String runId = training.start(target, ACCEPT, null, null, said::add);
        TrainingProgress end = training.follow(runId, ACCEPT, POLL, p -> {}, () -> false);
        assertThat(end.state()).isEqualTo(TrainingProgress.State.FAILED);
        assertThat(end.message()).isEqualTo("CUDA out of memory");
        assertThat(end.step()).isEqualTo(2);
        assertThat(training.find(runId).status()).isEqualTo("failed");
        assertThatThrownBy(() -> training.pull(runId, ACCEPT, said::add)).hasMessageContaining("only a succeeded run");
    }

    @Test
    void cancelStopsTheRemoteProcessGroup() throws Exception {
        Files.writeString(control.resolve("mode"), "gated");
        String runId = training.start(target, ACCEPT, null, null, said::add);
        TrainingProgress mid = training.follow(runId, ACCEPT, POLL, p -> {}, () -> true);
        assertThat(mid.state()).isEqualTo(TrainingProgress.State.RUNNING);
        long pid = Long.parseLong(Files.readString(workspace.resolve("bizcharts/runs/" + runId + "/pid")).strip());
        training.cancel(runId, ACCEPT);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        // The whole group goes, not just the wrapper: no fake trainer of this test is left running.
        String mine = tmp.resolve("bin/fakepython").toString();
        for (int i = 0; i < 100 && trainers(mine) > 0; i++) Thread.sleep(20);
        assertThat(trainers(mine)).isZero();
        assertThat(training.follow(runId, ACCEPT, POLL, p -> {}, () -> false).state())
                .isEqualTo(TrainingProgress.State.CANCELLED);
        assertThat(training.find(runId).status()).isEqualTo("cancelled");
    }

    private static long trainers(String script) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(script)).count();
    }

    @Test
    void aRestartedWorkstationReattachesToTheRunningJob() throws Exception {
        Files.writeString(control.resolve("mode"), "gated");
        String runId = training.start(target, ACCEPT, null, null, said::add);
        List<TrainingProgress> before = new ArrayList<>();
        training.follow(runId, ACCEPT, POLL, before::add, () -> before.getLast().step() >= 2);
        assertThat(before.getLast().step()).isEqualTo(2);
        assertThat(training.find(runId).step()).as("progress persisted").isEqualTo(2);

        RemoteTraining restarted = newTraining(RemoteFixture.settings(workspace,
                tmp.resolve("bin/fakepython"), "true"));
        assertThat(restarted.runs().active()).extracting(RemoteRun::runId).containsExactly(runId);
        Files.writeString(control.resolve("release"), "go");
        TrainingProgress end = restarted.follow(runId, ACCEPT, POLL, p -> {}, () -> false);
        assertThat(end.state()).isEqualTo(TrainingProgress.State.SUCCEEDED);
        assertThat(end.step()).isEqualTo(4);
    }

    @Test
    void aSecondStartWhileARunIsActiveIsRefused() throws Exception {
        Files.writeString(control.resolve("mode"), "gated");
        String runId = training.start(target, ACCEPT, null, null, said::add);
        assertThatThrownBy(() -> training.start(target, ACCEPT, null, null, said::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(runId);
    }
}
