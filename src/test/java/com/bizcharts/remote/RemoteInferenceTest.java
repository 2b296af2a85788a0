package com.bizcharts.remote;

import com.bizcharts.cli.CliTest;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Remote inference end to end: the adapter server is started over SSH, the workstation reaches "it" through a real
 * SSH tunnel (MINA SSHD's direct-tcpip) and labels posts with the compatible teacher. The model server behind the
 * tunnel is a loopback JDK HttpServer answering in OpenAI's format, as runpod/serve_openai.py does.
 */
class RemoteInferenceTest {

    private static final HostKeyTrust.FirstUse ACCEPT = (h, t, f) -> true;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;
    private LoopbackSshServer ssh;
    private HttpServer modelServer;
    private final List<JsonNode> asked = new CopyOnWriteArrayList<>();
    private Path control;
    private Path workspace;
    private Path dbFile;
    private RemoteInference inference;
    private Database runsDb;
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ssh = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        modelServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        modelServer.createContext("/v1/chat/completions", ex -> {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            asked.add(body);
            String text = body.path("messages").get(1).path("content").get(0).path("text").asText();
            String verdict = JSON.createObjectNode().put("label", text.contains("wagmi") ? "bullish" : "bearish")
                    .put("confidence", 0.9).put("sarcasm", false).put("rationale", "adapter").toString();
            byte[] answer = JSON.createObjectNode().put("object", "chat.completion").put("model", body.path("model").asText())
                    .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("finish_reason", "stop")
                            .set("message", JSON.createObjectNode().put("role", "assistant").put("content", verdict))))
                    .toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        modelServer.start();
        control = tmp.resolve("control");
        workspace = tmp.resolve("workspace");
        Path python = RemoteFixture.fakePython(Files.createDirectories(tmp.resolve("bin")), control);
        dbFile = tmp.resolve("bizcharts.db");
        RemoteFixture.seeded(dbFile, tmp.resolve("images")).close();
        RemoteSettings settings = RemoteFixture.withServePort(RemoteFixture.settings(workspace, python, "true"),
                modelServer.getAddress().getPort());
        try (Database db = Database.open(dbFile)) {
            RunRepository runs = new RunRepository(db, Clock.systemUTC());
            runs.create("rt-1", new SshTarget("127.0.0.1", ssh.port(), "trainer", ssh.writeClientKey(tmp.resolve("id_rsa")),
                    tmp.resolve("known_hosts")), workspace.toString(), null, null, "running");
            runs.status("rt-1", "pulled", null);
        }
        Path adapter = Files.createDirectories(workspace.resolve("bizcharts/runs/rt-1/output/adapter"));
        Files.writeString(adapter.resolve("adapter_config.json"), "{\"base_model_name_or_path\": \"tiny\"}");
        runsDb = Database.open(dbFile);
        inference = new RemoteInference(new RunRepository(runsDb, Clock.systemUTC()), settings,
                new ApiKeys(Map.of(), false));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            inference.stop("rt-1", ACCEPT); // never leave the fake server idling
        } finally {
            modelServer.stop(0);
            ssh.close();
            runsDb.close();
        }
    }

    private Path config() throws Exception {
        return Files.writeString(tmp.resolve("settings.toml"), "[paths]\nimages = \"%s\"\n".formatted(tmp.resolve("images")));
    }

    @Test
    void theAdapterServesAsTheCompatibleTeacherThroughTheTunnel() throws Exception {
        try (RemoteInference.Session session = inference.open("rt-1", ACCEPT, 0, said::add)) {
            String url = session.endpoint().baseUrl();
            assertThat(url).startsWith("http://127.0.0.1:").endsWith("/v1").doesNotContain(":" + modelServer.getAddress().getPort() + "/");
            assertThat(session.endpoint().model()).isEqualTo("rt-1-adapter");
            assertThat(said).anyMatch(s -> s.startsWith("started the adapter server for rt-1-adapter on trainer@127.0.0.1"));
            assertThat(Files.readString(workspace.resolve("bizcharts/runs/rt-1/serve.log"))).contains("SERVING");

            CliTest label = CliTest.run("--db", dbFile.toString(), "--config", config().toString(), "autolabel",
                    "--provider", "compatible", "--base-url", url, "--model", "rt-1-adapter", "--limit", "3");
            assertThat(label.exitCode()).as(label.err() + label.out()).isZero();
            assertThat(label.out()).contains("3 labeled, 0 failed");
            assertThat(asked).hasSize(3).allSatisfy(b -> assertThat(b.path("model").asText()).isEqualTo("rt-1-adapter"));
            try (Database db = Database.open(dbFile)) {
                var rows = db.read().selectFrom(TEACHER_LABELS).where(TEACHER_LABELS.PROVIDER.eq("compatible")).fetch();
                assertThat(rows).hasSize(3).allSatisfy(r -> {
                    assertThat(r.getModel()).isEqualTo("rt-1-adapter");
                    assertThat(r.getRating()).isEqualTo(3L);
                });
            }
        }
        said.clear();
        try (RemoteInference.Session again = inference.open("rt-1", ACCEPT, 0, said::add)) {
            assertThat(said.get(0)).as("the server outlives the tunnel").startsWith("found the adapter server");
            assertThat(again.open()).isTrue();
        }
        inference.stop("rt-1", ACCEPT);
        assertThat(Files.exists(workspace.resolve("bizcharts/runs/rt-1/serve.pid"))).isFalse();
    }

    @Test
    void aServerThatFailsToLoadSaysWhy() throws Exception {
        Files.writeString(Files.createDirectories(control).resolve("mode"), "serve-fail");
        assertThatThrownBy(() -> inference.open("rt-1", ACCEPT, 0, said::add)).isInstanceOf(RemoteException.class)
                .hasMessage("the adapter server stopped: CUDA out of memory");
    }

    @Test
    void onlyAFinishedRunWithAnAdapterCanBeServed() throws Exception {
        Files.delete(workspace.resolve("bizcharts/runs/rt-1/output/adapter/adapter_config.json"));
        assertThatThrownBy(() -> inference.open("rt-1", ACCEPT, 0, said::add)).hasMessageContaining("run rt-1 has no adapter on this machine");
        assertThatThrownBy(() -> inference.open("rt-2", ACCEPT, 0, said::add)).hasMessage("no remote run rt-2");
        try (Database db = Database.open(dbFile)) {
            new RunRepository(db, Clock.systemUTC()).status("rt-1", "failed", "boom");
        }
        assertThatThrownBy(() -> inference.open("rt-1", ACCEPT, 0, said::add))
                .hasMessageContaining("run rt-1 is failed; only a finished run has an adapter to serve");
    }
}
