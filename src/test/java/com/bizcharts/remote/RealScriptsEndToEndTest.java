package com.bizcharts.remote;

import com.bizcharts.cli.CliTest;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Remote training with the real runpod/ scripts, not a fake interpreter: over the loopback SSH server the workstation
 * pushes the dataset and scripts, train_vlm.py fine-tunes a tiny random-weight Qwen2.5-VL (runpod/tests/tiny_vlm.py)
 * with LoRA, export_student.py distils and exports the ONNX student, the workstation pulls both, judges the student on
 * the golden posts and scores with it, then serve_openai.py serves the adapter through an SSH tunnel as the
 * {@code compatible} teacher. Needs the Python environment .ci/run builds (BIZCHARTS_RUNPOD_PYTHON); skipped, with
 * the reason, without it. On a CPU the run takes about a minute.
 */
class RealScriptsEndToEndTest {

    private static final HostKeyTrust.FirstUse ACCEPT = (h, t, f) -> true;

    @TempDir Path tmp;
    private LoopbackSshServer server;
    private Path python;
    private Path db;
    private Path config;
    private Path key;
    private int servePort;

    @BeforeEach
    void setUp() throws Exception {
        String venv = System.getenv("BIZCHARTS_RUNPOD_PYTHON");
        assumeTrue(venv != null && !venv.isBlank(), "BIZCHARTS_RUNPOD_PYTHON not set: .ci/run builds that environment"
                + " (runpod/tests/cpu_venv.sh); without it the real scripts cannot run");
        python = Path.of(venv);
        assumeTrue(run(List.of(python.toString(), "-c", "import torch, torchvision, transformers, peft, onnxruntime"), tmp)
                .startsWith("0:"), python + " lacks torch, torchvision, transformers, peft or onnxruntime");
        Path tiny = tmp.resolve("tiny-qwen2.5-vl");
        String built = run(List.of(python.toString(), Path.of("runpod/tests/tiny_vlm.py").toAbsolutePath().toString(),
                tiny.toString()), tmp);
        assertThat(built).as("building the tiny model").startsWith("0:");

        server = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        key = server.writeClientKey(tmp.resolve("id_rsa"));
        db = tmp.resolve("bizcharts.db");
        try (Database database = RemoteFixture.seeded(db, tmp.resolve("images"))) {
            RemoteFixture.addGolden(database, 30);
        }
        try (ServerSocket free = new ServerSocket(0)) {
            servePort = free.getLocalPort();
        }
        config = Files.writeString(tmp.resolve("settings.toml"), """
                [paths]
                images = "%s"
                models = "%s"
                [remote]
                workspace = "%s"
                python = "%s"
                setup = "true"
                poll_seconds = 0
                serve_port = %d
                train_args = "--model-id %s --epochs 2 --batch-size 4 --gradient-accumulation 1 --learning-rate 5e-3 --max-pixels 12544"
                """.formatted(tmp.resolve("images"), tmp.resolve("models"), tmp.resolve("ws"), python, servePort, tiny));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            RemoteFixture.awaitDetachedRuns(tmp.resolve("ws"));
            server.close();
        }
    }

    @Test
    void trainDistilPullJudgeScoreAndServeWithTheRealScripts() throws Exception {
        CliTest train = CliTest.run("--db", db.toString(), "--config", config.toString(), "remote", "train",
                "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--user", "trainer",
                "--key", key.toString(), "--known-hosts", tmp.resolve("known_hosts").toString(), "--accept-new-host-key");
        String runLog = train.out() + train.err();
        assertThat(train.exitCode()).as(runLog).isZero();
        String runId = train.out().lines().filter(l -> l.startsWith("started run ")).findFirst().orElseThrow().split(" ")[2];
        // 12 training posts (the golden ones stay home) in batches of 4 over 2 epochs: 6 optimizer steps; then the
        // student's 8 epochs of one batch
        assertThat(train.out()).as(runLog).contains("running step 6/6 (100%)")
                .containsPattern("running distil step [1-7]/8")
                .contains("succeeded distil step 8/8 (100%)")
                .contains(runId + "-adapter stays pending evaluation")
                .containsPattern(runId + "-student on 31 golden posts neither model trained on \\(of 31\\): macro-F1 [0-9.]+");
        Path output = tmp.resolve("ws/bizcharts/runs/" + runId + "/output");
        assertThat(Files.readString(output.resolve("adapter/adapter_config.json"))).contains("\"q_proj\"").contains("\"v_proj\"");
        assertThat(output.resolve("student/model.onnx")).isNotEmptyFile();

        CliTest status = CliTest.run("--db", db.toString(), "--config", config.toString(), "remote", "status", runId);
        assertThat(status.out()).as("the stored step count says it is the student's").contains(": pulled (distil step 8/8");
        CliTest models = CliTest.run("--db", db.toString(), "--config", config.toString(), "models", "list");
        assertThat(models.out()).contains(runId + "-adapter").contains(runId + "-student");

        // The pulled student scores posts in the workstation, whatever the gate decided about activating it.
        Path pulledStudent;
        try (var dirs = Files.walk(tmp.resolve("models"))) {
            pulledStudent = dirs.filter(p -> p.endsWith("model.onnx") && p.toString().contains("student")).findFirst()
                    .orElseThrow().getParent();
        }
        Path posts = Files.writeString(tmp.resolve("posts.jsonl"), """
                {"thread_id": 1, "board": "biz", "subject": "", "text": "wagmi moon soon", "label": "bullish"}
                {"thread_id": 2, "board": "biz", "subject": "", "text": "ngmi, rekt again", "label": "bearish"}
                {"thread_id": 3, "board": "biz", "subject": "", "text": "which coin for 2026?", "label": "neutral"}
                """);
        CliTest eval = CliTest.run("eval", "--model", pulledStudent.toString(), "--data", posts.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("\"model\":\"student-").contains("\"accuracy\"");

        // The adapter as the compatible teacher: serve_openai.py loads it behind the SSH tunnel.
        try (Database runsDb = Database.open(db)) {
            RemoteInference inference = new RemoteInference(new RunRepository(runsDb, Clock.systemUTC()),
                    RemoteFixture.withServePort(RemoteFixture.settings(tmp.resolve("ws"), python, "true"), servePort),
                    new ApiKeys(Map.of(), false));
            List<String> said = new ArrayList<>();
            try (RemoteInference.Session session = inference.open(runId, ACCEPT, 0, said::add)) {
                CliTest label = CliTest.run("--db", db.toString(), "--config", config.toString(), "autolabel",
                        "--provider", "compatible", "--base-url", session.endpoint().baseUrl(),
                        "--model", session.endpoint().model(), "--limit", "3");
                assertThat(label.exitCode()).as(label.err() + label.out() + said).isZero();
                assertThat(label.out()).contains("3 labeled, 0 failed");
            } finally {
                inference.stop(runId, ACCEPT);
            }
        }
        try (Database database = Database.open(db)) {
            var rows = database.read().selectFrom(TEACHER_LABELS).where(TEACHER_LABELS.MODEL.eq(runId + "-adapter")).fetch();
            assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.getRating()).isBetween(1L, 3L));
        }
    }

    /** "exit code: output" of a short local command. */
    private static String run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return (p.waitFor(5, TimeUnit.MINUTES) ? p.exitValue() : -1) + ": " + out;
    }
}
