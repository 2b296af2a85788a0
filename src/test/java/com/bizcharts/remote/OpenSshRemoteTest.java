package com.bizcharts.remote;

import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.store.Database;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Remote training against Debian's real OpenSSH sshd ({@link OpenSshServer}), beside the MINA tests: host keys as
 * OpenSSH offers them (RSA without SHA-1, ECDSA, Ed25519), a passphrase-protected key made by ssh-keygen, a changed
 * host key, and a connection killed under a followed run. Skips, saying why, where sshd is not installed.
 */
class OpenSshRemoteTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ApiKeys NO_SECRETS = new ApiKeys(Map.of(), false);

    @TempDir Path tmp;
    private OpenSshServer sshd;
    private Path key;
    private Path knownHosts;
    private final List<String> asked = new ArrayList<>();
    private final HostKeyTrust.FirstUse acceptNew = (host, type, fp) -> asked.add(type + " " + fp); // --accept-new-host-key

    @BeforeEach
    void setUp() throws Exception {
        OpenSshServer.assumeInstalled();
        sshd = new OpenSshServer(tmp.resolve("sshd"), "rsa", "ecdsa", "ed25519");
        key = sshd.authorize("id_ed25519", "");
        sshd.start();
        knownHosts = tmp.resolve("known_hosts");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sshd != null) sshd.close();
    }

    private SshTarget target(Path clientKey) {
        return new SshTarget("127.0.0.1", sshd.port(), sshd.user(), clientKey, knownHosts);
    }

    @Test
    void anRsaOnlyKnownHostsEntryIsVerifiedNotTakenForANewHost() throws Exception {
        String rsaLine = sshd.knownHostsLine(sshd.hostKey("rsa")); // what ssh-keyscan -t rsa writes
        Files.writeString(knownHosts, rsaLine + "\n");
        try (RemoteShell shell = RemoteShell.connect(target(key), acceptNew, NO_SECRETS, TIMEOUT)) {
            assertThat(shell.exec("echo verified").out()).isEqualTo("verified\n");
        }
        assertThat(asked).as("a known host is never asked about, nor a second key trusted").isEmpty();
        assertThat(Files.readString(knownHosts)).isEqualTo(rsaLine + "\n");
    }

    @Test
    void aHostKnownByAKeyTypeItNoLongerOffersIsRefusedNotTrustedAfresh() throws Exception {
        try (OpenSshServer ed25519Only = new OpenSshServer(tmp.resolve("sshd2"), "ed25519")) {
            Path k = ed25519Only.authorize("id2", "");
            ed25519Only.start();
            String oldRsa = OpenSshServer.publicKey(sshd.stranger("rsa", "old_rsa")); // its key before a reinstall, say
            Files.writeString(knownHosts, ed25519Only.knownHostsLine(oldRsa) + "\n");
            SshTarget t = new SshTarget("127.0.0.1", ed25519Only.port(), ed25519Only.user(), k, knownHosts);
            assertThatThrownBy(() -> RemoteShell.connect(t, acceptNew, NO_SECRETS, TIMEOUT))
                    .isInstanceOf(RemoteException.class)
                    .hasMessageContaining("knows it by its ssh-rsa key SHA256:")
                    .hasMessageContaining("but the server offered its ssh-ed25519 key")
                    .hasMessageContaining("refusing to trust a second key for a known host");
        }
        assertThat(asked).as("--accept-new-host-key is for new hosts only").isEmpty();
        assertThat(Files.readAllLines(knownHosts)).hasSize(1);
    }

    @Test
    void aMissingOrWrongPassphraseIsSaidSoAndTheRightOneLogsIn() throws Exception {
        Path encrypted = sshd.authorize("id_encrypted", "correct horse");
        Files.writeString(knownHosts, sshd.knownHostsLine(sshd.hostKey("ed25519")) + "\n");
        assertThatThrownBy(() -> RemoteShell.connect(target(encrypted), acceptNew, NO_SECRETS, TIMEOUT))
                .hasMessageContaining("is protected by a passphrase and none was found")
                .hasMessageContaining("BIZCHARTS_SSH_PASSPHRASE").hasMessageNotContaining("refused");
        ApiKeys wrong = new ApiKeys(Map.of(RemoteShell.PASSPHRASE_KEY, "battery staple"), false);
        assertThatThrownBy(() -> RemoteShell.connect(target(encrypted), acceptNew, wrong, TIMEOUT))
                .hasMessageContaining("the passphrase in BIZCHARTS_SSH_PASSPHRASE does not decrypt")
                .hasMessageNotContaining("battery staple").hasMessageNotContaining("refused");
        ApiKeys right = new ApiKeys(Map.of(RemoteShell.PASSPHRASE_KEY, "correct horse"), false);
        try (RemoteShell shell = RemoteShell.connect(target(encrypted), acceptNew, right, TIMEOUT)) {
            assertThat(shell.exec("echo in").out()).isEqualTo("in\n");
        }
    }

    @Test
    void aChangedHostKeyIsRefusedInOneQuietLineAndIsNoRun() throws Exception {
        String otherKey = OpenSshServer.publicKey(sshd.stranger("ed25519", "impostor"));
        Files.writeString(knownHosts, sshd.knownHostsLine(otherKey) + "\n");
        try (Database db = RemoteFixture.seeded(tmp.resolve("bizcharts.db"), tmp.resolve("images"));
             StderrCapture logs = new StderrCapture()) {
            RemoteTraining training = training(db, "true");
            assertThatThrownBy(() -> training.start(target(key), acceptNew, null, null, line -> {}))
                    .isInstanceOf(RemoteException.class)
                    .hasMessageStartingWith("host key of [127.0.0.1]:" + sshd.port() + " CHANGED: ")
                    .hasMessageContaining("now presents ssh-ed25519 SHA256:")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("([0-9a-f]{2}:){15}"));
            assertThat(logs.text()).as("no SSH library ERROR lines").doesNotContain("ERROR").doesNotContain("\tat ");
            assertThat(training.runs().latest()).as("the refused attempt is no run").isEmpty();
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void aKilledConnectionUnderAFollowedRunIsReconnectedAndTheRunSucceeds() throws Exception {
        Path control = tmp.resolve("control");
        Path python = RemoteFixture.fakePython(Files.createDirectories(tmp.resolve("bin")), control);
        Files.writeString(control.resolve("mode"), "gated");
        Files.writeString(knownHosts, sshd.knownHostsLine(sshd.hostKey("ed25519")) + "\n");
        try (Database db = RemoteFixture.seeded(tmp.resolve("bizcharts.db"), tmp.resolve("images"))) {
            RemoteTraining training = new RemoteTraining(db, RemoteFixture.settings(tmp.resolve("ws"), python, "true"),
                    tmp.resolve("images"), tmp.resolve("runs"), NO_SECRETS, Clock.systemUTC());
            String runId = training.start(target(key), acceptNew, null, null, line -> {});
            List<String> news = new ArrayList<>();
            boolean[] killed = {false};
            TrainingProgress end;
            try {
                end = training.follow(runId, acceptNew, Duration.ofMillis(100), p -> {
                    if (p.step() == 2 && !killed[0]) {
                        killed[0] = true;
                        try {
                            sshd.dropConnections(); // the run waits at step 3 on the machine meanwhile
                            Files.writeString(control.resolve("release"), "go");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, () -> false, news::add);
            } finally {
                Files.writeString(control.resolve("release"), "go");
                RemoteFixture.awaitDetachedRuns(tmp.resolve("ws"));
            }
            assertThat(killed[0]).isTrue();
            assertThat(end.state()).as(String.join("\n", news)).isEqualTo(TrainingProgress.State.SUCCEEDED);
            assertThat(end.step()).isEqualTo(4);
            assertThat(news).anyMatch(n -> n.contains("dropped") && n.contains("reconnecting in"))
                    .anyMatch(n -> n.startsWith("reconnected to " + sshd.user() + "@127.0.0.1:" + sshd.port()));
            assertThat(training.find(runId).status()).isEqualTo("succeeded");
        }
        assertThat(asked).isEmpty();
    }

    private RemoteTraining training(Database db, String setup) throws Exception {
        Path python = RemoteFixture.fakePython(Files.createDirectories(tmp.resolve("bin")), tmp.resolve("control"));
        return new RemoteTraining(db, RemoteFixture.settings(tmp.resolve("ws"), python, setup), tmp.resolve("images"),
                tmp.resolve("runs"), NO_SECRETS, Clock.systemUTC());
    }
}
