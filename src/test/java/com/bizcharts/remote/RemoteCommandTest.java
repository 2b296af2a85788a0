package com.bizcharts.remote;

import com.bizcharts.cli.CliTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The remote commands in-process against the loopback SSH server. */
class RemoteCommandTest {

    @TempDir Path tmp;
    private LoopbackSshServer server;
    private Path control;
    private Path config;
    private Path db;
    private Path key;

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        control = tmp.resolve("control");
        Path python = RemoteFixture.fakePython(Files.createDirectories(tmp.resolve("bin")), control);
        db = tmp.resolve("bizcharts.db");
        RemoteFixture.seeded(db, tmp.resolve("images")).close();
        key = server.writeClientKey(tmp.resolve("id_rsa"));
        config = tmp.resolve("settings.toml");
        Files.writeString(config, """
                [paths]
                images = "%s"
                models = "%s"
                [remote]
                workspace = "%s"
                python = "%s"
                setup = "true"
                poll_seconds = 0
                """.formatted(tmp.resolve("images"), tmp.resolve("models"), tmp.resolve("ws"), python));
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.writeString(control.resolve("release"), "go");
        RemoteFixture.awaitDetachedRuns(tmp.resolve("ws"));
        server.close();
    }

    private CliTest remote(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "--db";
        all[1] = db.toString();
        all[2] = "--config";
        all[3] = config.toString();
        all[4] = "remote";
        System.arraycopy(args, 0, all, 5, args.length);
        return CliTest.run(all);
    }

    private String[] train(String knownHosts, String... extra) {
        String[] base = {"train", "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--user", "trainer",
                "--key", key.toString(), "--known-hosts", tmp.resolve(knownHosts).toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void trainRunsEndToEndAndRegistersThePulledModels() throws Exception {
        CliTest r = remote(train("kh", "--accept-new-host-key"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("key fingerprint is SHA256:").contains("dataset: ")
                .contains("succeeded step 4/4 (100%) loss 1.4000").contains("pending evaluation")
                .contains("-student stays pending evaluation: too few unseen golden posts (1 of 1; neither model trained on any): not deciding");
        CliTest status = remote("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains(": pulled (step 4/4");
        assertThat(CliTest.run("--db", db.toString(), "--config", config.toString(), "models", "list").out())
                .contains("-adapter").contains("vlm-adapter").contains("-student");
        CliTest stopServing = remote("serve", "--stop");
        assertThat(stopServing.exitCode()).as(stopServing.err()).isZero();
        assertThat(stopServing.out()).startsWith("stopped the adapter server of run rt-");
    }

    @Test
    void pullJudgesTheStudentAndModelsActivateHonoursTheGate() throws Exception {
        try (var database = com.bizcharts.store.Database.open(db)) {
            RemoteFixture.addGolden(database, 30);
        }
        com.bizcharts.sentiment.onnx.TinyStudent.write(control.resolve("student"), "student-cli", DatasetExport.PROMPT + "\n", false);
        CliTest r = remote(train("kh", "--accept-new-host-key"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String runId = r.out().lines().filter(l -> l.startsWith("started run ")).findFirst().orElseThrow().split(" ")[2];
        assertThat(r.out()).contains(runId + "-adapter stays pending evaluation")
                .contains(runId + "-student on 31 golden posts neither model trained on (of 31): macro-F1 ");
        CliTest models = CliTest.run("--db", db.toString(), "--config", config.toString(), "models", "activate", runId + "-adapter");
        assertThat(models.exitCode()).as("bad input").isEqualTo(2);
        assertThat(models.err()).startsWith("error: " + runId + "-adapter has not been evaluated").contains("remote serve");
        CliTest again = remote("evaluate", runId);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("eligible for promotion ('models activate " + runId + "-student')");
        CliTest activate = CliTest.run("--db", db.toString(), "--config", config.toString(), "models", "activate", runId + "-student");
        assertThat(activate.exitCode()).as(activate.err()).isZero();
        CliTest score = CliTest.run("--db", db.toString(), "--config", config.toString(), "score");
        assertThat(score.exitCode()).as(score.err()).isZero();
        assertThat(score.out()).contains("with student-cli");
    }

    @Test
    void anUnconfirmedNewHostIsRefusedAndLeavesNoRun() {
        CliTest r = remote(train("kh2"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("refused: check the fingerprint");
        assertThat(r.err()).startsWith("error: host [127.0.0.1]:" + server.port() + " is not in ").contains("was not confirmed");
        assertThat(remote("status").err()).as("a machine we never talked to is no run").startsWith("error: no remote runs yet");
    }

    @Test
    void aChangedHostKeyIsRefusedPlainlyAndLeavesNoRun() throws Exception {
        CliTest ok = remote(train("kh", "--accept-new-host-key"));
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        String first = remote("status").out();
        java.util.List<String> lines = Files.readAllLines(tmp.resolve("kh"));
        String otherKey = otherKeyOfTheSameType();
        Files.write(tmp.resolve("kh"), lines.stream().map(l -> l.substring(0, l.lastIndexOf(' ') + 1) + otherKey).toList());
        CliTest r;
        try (StderrCapture logs = new StderrCapture()) {
            r = remote(train("kh", "--accept-new-host-key"));
            assertThat(logs.text()).as("no SSH library ERROR lines in front of the message").doesNotContain("ERROR");
        }
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: host key of [127.0.0.1]:" + server.port() + " CHANGED: ")
                .contains("now presents ecdsa-sha2-nistp521 " + HostKeyTrust.fingerprint(server.hostKey()))
                .doesNotContainPattern("([0-9a-f]{2}:){15}"); // no MD5 fingerprint
        assertThat(r.err().lines().count()).as("one line").isEqualTo(1);
        assertThat(remote("status").out()).as("the refused attempt is not the latest run").isEqualTo(first);
    }

    private static String otherKeyOfTheSameType() throws Exception {
        var gen = java.security.KeyPairGenerator.getInstance("EC");
        gen.initialize(new java.security.spec.ECGenParameterSpec("secp521r1"));
        String line = new net.schmizz.sshj.transport.verification.OpenSSHKnownHosts.HostEntry(null, "h",
                net.schmizz.sshj.common.KeyType.ECDSA521, gen.generateKeyPair().getPublic()).getLine();
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    @Test
    void statusPrintsTheLiveLineOnceAndSubcommandsHaveHelp() throws Exception {
        Files.writeString(control.resolve("mode"), "gated");
        assertThat(remote(train("kh", "--accept-new-host-key", "--detach")).exitCode()).isZero();
        String runId = remote("status").out().split(" ")[1];
        Path log = tmp.resolve("ws/bizcharts/runs/" + runId + "/train.log");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!(Files.exists(log) && Files.readString(log).contains("\"step\": 2")) && System.nanoTime() < deadline) Thread.sleep(50);
        CliTest status = remote("status", "--accept-new-host-key");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().lines().filter(l -> l.startsWith("running step 2/4"))).as(status.out()).hasSize(1);
        for (String sub : new String[]{"status", "pull", "stop", "evaluate", "pods", "train", "serve"}) {
            CliTest help = remote(sub, "--help");
            assertThat(help.exitCode()).as(sub + ": " + help.err()).isZero();
            assertThat(help.out()).as(sub).startsWith("Usage: bizcharts remote " + sub);
        }
        assertThat(remote("pods", "--help").out()).contains("--allow-insecure");
    }

    @Test
    void detachThenStopCancelsTheRun() throws Exception {
        Files.writeString(control.resolve("mode"), "gated");
        CliTest r = remote(train("kh", "--accept-new-host-key", "--detach"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("detached");
        CliTest stop = remote("stop", "--accept-new-host-key");
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).startsWith("cancelled run rt-");
        assertThat(remote("status").out()).contains(": cancelled");
        assertThat(remote("pull").err()).contains("only a succeeded run can be pulled");
    }

    @Test
    void badInputGetsOneLineErrors() throws Exception {
        assertThat(remote("train").err()).startsWith("error: give either --host H or --runpod");
        assertThat(remote("status").err()).startsWith("error: no remote runs yet");
        assertThat(remote("serve").err()).startsWith("error: no remote runs yet");
        assertThat(remote("evaluate").err()).startsWith("error: no remote runs yet");
        assertThat(remote("train", "--runpod", "--gpu", "RTX").err()).contains("unknown or ambiguous GPU type");
        assumeTrue(System.getenv("RUNPOD_API_KEY") == null, "a real RunPod key is set in this environment");
        Files.writeString(Path.of(key + ".pub"), server.clientPublicKey());
        CliTest r = remote("train", "--runpod", "--gpu", "4090", "--key", key.toString());
        assertThat(r.out()).contains("NVIDIA GeForce RTX 4090: 24 GB");
        assertThat(r.err()).contains("RUNPOD_API_KEY is not set");
    }

    @Test
    void theRunPodKeyGoesOverPlainHttpOffTheLoopbackOnlyWithAllowInsecure() throws Exception {
        var lan = java.net.NetworkInterface.networkInterfaces().filter(n -> { try { return n.isUp() && !n.isLoopback(); }
                    catch (java.net.SocketException e) { return false; } })
                .flatMap(java.net.NetworkInterface::inetAddresses).filter(a -> a instanceof java.net.Inet4Address).findFirst();
        assumeTrue(lan.isPresent(), "no non-loopback IPv4 address on this machine");
        // nothing listens on port 1 there: allowed, the request fails at once instead of being refused beforehand
        Files.writeString(config, Files.readString(config) + "runpod_base_url = \"http://" + lan.get().getHostAddress() + ":1/v1\"\n");
        var env = java.util.Map.of("RUNPOD_API_KEY", "rp-secret-123456");
        String[] base = {"--db", db.toString(), "--config", config.toString(), "remote", "pods"};
        CliTest refused = CliTest.run(env, base);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing to send RUNPOD_API_KEY over plain http:// to " + lan.get().getHostAddress());
        String[] insecure = java.util.Arrays.copyOf(base, base.length + 1);
        insecure[base.length] = "--allow-insecure";
        CliTest allowed = CliTest.run(env, insecure);
        assertThat(allowed.err()).contains("RunPod API unreachable").doesNotContain("refusing").doesNotContain("rp-secret-123456");
    }
}
