package com.bizcharts.ui.remote;

import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.remote.HostKeyTrust;
import com.bizcharts.remote.LoopbackSshServer;
import com.bizcharts.remote.RemoteFixture;
import com.bizcharts.remote.RemoteInference;
import com.bizcharts.remote.RemoteSettings;
import com.bizcharts.remote.RunRepository;
import com.bizcharts.remote.SshTarget;
import com.bizcharts.store.Database;
import com.bizcharts.ui.common.UiExecutors;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Serve as teacher" over a real SSH tunnel (MINA SSHD) to a loopback model server, driven on one thread. */
class TeacherServingViewModelTest {

    private static final HostKeyTrust.FirstUse ACCEPT = (h, t, f) -> true;

    @TempDir Path tmp;
    private LoopbackSshServer ssh;
    private HttpServer modelServer;
    private Database db;
    private RunRepository runs;
    private TeacherServingViewModel vm;
    private Path workspace;

    @BeforeEach
    void setUp() throws Exception {
        ssh = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        modelServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        modelServer.createContext("/v1/models", ex -> {
            byte[] body = "{\"data\": [{\"id\": \"rt-1-adapter\"}]}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        modelServer.start();
        workspace = tmp.resolve("workspace");
        Path python = RemoteFixture.fakePython(Files.createDirectories(tmp.resolve("bin")), tmp.resolve("control"));
        RemoteSettings settings = RemoteFixture.withServePort(RemoteFixture.settings(workspace, python, "true"),
                modelServer.getAddress().getPort());
        db = RemoteFixture.seeded(tmp.resolve("bizcharts.db"), tmp.resolve("images"));
        runs = new RunRepository(db, Clock.systemUTC());
        vm = new TeacherServingViewModel(new RemoteInference(runs, settings, new ApiKeys(Map.of(), false)), runs, ACCEPT, 0,
                UiExecutors.sameThread());
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.close();
        modelServer.stop(0);
        ssh.close();
        db.close();
    }

    private void finishedRun() throws Exception {
        runs.create("rt-1", new SshTarget("127.0.0.1", ssh.port(), "trainer", ssh.writeClientKey(tmp.resolve("id_rsa")),
                tmp.resolve("known_hosts")), workspace.toString(), null, null, "running");
        runs.status("rt-1", "pulled", null);
        Path adapter = Files.createDirectories(workspace.resolve("bizcharts/runs/rt-1/output/adapter"));
        Files.writeString(adapter.resolve("adapter_config.json"), "{\"base_model_name_or_path\": \"tiny\"}");
    }

    @Test
    void withoutAFinishedRunThereIsNothingToServe() {
        vm.serve();
        assertThat(vm.statusProperty().get()).isEqualTo("no finished remote run: train one first");
        assertThat(vm.servingProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void servesTheLatestFinishedRunThroughTheTunnelAndStops() throws Exception {
        finishedRun();
        vm.serve();
        String status = vm.statusProperty().get();
        assertThat(vm.servingProperty().get()).as(status).isTrue();
        assertThat(status).startsWith("serving rt-1-adapter at http://127.0.0.1:").contains("autolabel --provider compatible");
        String baseUrl = status.substring("serving rt-1-adapter at ".length(), status.indexOf(": `"));
        try (InputStream in = URI.create(baseUrl + "/models").toURL().openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as("reached through the tunnel").contains("rt-1-adapter");
        }
        vm.serve(); // already serving: nothing happens
        assertThat(vm.statusProperty().get()).isEqualTo(status);

        vm.stop();
        assertThat(vm.servingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("stopped serving rt-1-adapter");
        assertThat(Files.exists(workspace.resolve("bizcharts/runs/rt-1/serve.pid"))).isFalse();
    }
}
