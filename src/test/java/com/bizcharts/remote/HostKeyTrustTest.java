package com.bizcharts.remote;

import com.bizcharts.learn.teacher.ApiKeys;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostKeyTrustTest {

    @TempDir Path tmp;
    private LoopbackSshServer server;
    private Path key;
    private final ApiKeys noSecrets = new ApiKeys(Map.of(), false);

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        key = server.writeClientKey(tmp.resolve("id_rsa"));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private SshTarget target(Path knownHosts) {
        return new SshTarget("127.0.0.1", server.port(), "trainer", key, knownHosts);
    }

    @Test
    void anUnknownHostIsTrustedOnlyAfterConfirmationAndThenRemembered() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        assertThatThrownBy(() -> RemoteShell.connect(target(knownHosts), HostKeyTrust.FirstUse.REFUSE, noSecrets, Duration.ofSeconds(10)))
                .isInstanceOf(RemoteException.class);

        List<String> asked = new ArrayList<>();
        HostKeyTrust.FirstUse confirm = (host, type, fp) -> asked.add(host + " " + fp);
        try (RemoteShell shell = RemoteShell.connect(target(knownHosts), confirm, noSecrets, Duration.ofSeconds(10))) {
            assertThat(shell.exec("echo hello").out()).isEqualTo("hello\n");
        }
        assertThat(asked).containsExactly("[127.0.0.1]:" + server.port() + " " + HostKeyTrust.fingerprint(server.hostKey()));
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + server.port());

        try (RemoteShell shell = RemoteShell.connect(target(knownHosts), HostKeyTrust.FirstUse.REFUSE, noSecrets, Duration.ofSeconds(10))) {
            assertThat(shell.exec("exit 3").exitCode()).as("remembered: no second question").isEqualTo(3);
        }
    }

    @Test
    void aChangedHostKeyIsRefusedWithoutAskingInOneLineWithSha256Fingerprints() throws Exception {
        // Same key type as the server's host key (EC P-521), different key: a real change, not a new type.
        var other = KeyPairGenerator.getInstance("EC");
        other.initialize(new java.security.spec.ECGenParameterSpec("secp521r1"));
        var known = other.generateKeyPair().getPublic();
        Path knownHosts = tmp.resolve("known_hosts");
        String line = new OpenSSHKnownHosts.HostEntry(null, "[127.0.0.1]:" + server.port(), KeyType.ECDSA521, known).getLine();
        Files.writeString(knownHosts, line + "\n");
        List<String> asked = new ArrayList<>();
        try (StderrCapture logs = new StderrCapture()) {
            assertThatThrownBy(() -> RemoteShell.connect(target(knownHosts), (h, t, f) -> asked.add(h), noSecrets, Duration.ofSeconds(10)))
                    .isInstanceOf(RemoteException.class)
                    .hasMessageStartingWith("host key of [127.0.0.1]:" + server.port() + " CHANGED: " + knownHosts
                            + " has ecdsa-sha2-nistp521 key " + HostKeyTrust.fingerprint(known))
                    .hasMessageContaining("the server now presents ecdsa-sha2-nistp521 " + HostKeyTrust.fingerprint(server.hostKey()))
                    .hasMessageContaining("ssh-keygen -R '[127.0.0.1]:" + server.port() + "'")
                    .hasMessageNotContaining("MD5").satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("([0-9a-f]{2}:){15}"))
                    .satisfies(e -> assertThat(((RemoteException) e).connectionLost()).as("never retried").isFalse());
            assertThat(logs.text()).as("SSHJ's ERROR lines stay out of the way").doesNotContain("ERROR").doesNotContain("\tat ");
        }
        assertThat(asked).isEmpty();
        assertThat(server.execs.get()).isZero();
        assertThat(Files.readString(knownHosts)).isEqualTo(line + "\n");
    }

    @Test
    void anEncryptedKeyWithoutItsPassphraseOrWithAWrongOneIsSaidSo() throws Exception {
        Path encrypted = server.writeClientKey(tmp.resolve("id_enc"), "right horse");
        Path knownHosts = tmp.resolve("known_hosts");
        SshTarget t = new SshTarget("127.0.0.1", server.port(), "trainer", encrypted, knownHosts);
        assertThatThrownBy(() -> RemoteShell.connect(t, (h, ty, f) -> true, noSecrets, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the SSH key " + encrypted + " is protected by a passphrase and none was found")
                .hasMessageContaining("BIZCHARTS_SSH_PASSPHRASE in the environment, else from the keyring")
                .hasMessageNotContaining("refused");
        ApiKeys wrong = new ApiKeys(Map.of(RemoteShell.PASSPHRASE_KEY, "wrong horse"), false);
        assertThatThrownBy(() -> RemoteShell.connect(t, (h, ty, f) -> true, wrong, Duration.ofSeconds(10)))
                .hasMessageContaining("the passphrase in BIZCHARTS_SSH_PASSPHRASE does not decrypt the SSH key " + encrypted)
                .hasMessageNotContaining("wrong horse").hasMessageNotContaining("refused");
        ApiKeys right = new ApiKeys(Map.of(RemoteShell.PASSPHRASE_KEY, "right horse"), false);
        try (RemoteShell shell = RemoteShell.connect(t, (h, ty, f) -> true, right, Duration.ofSeconds(10))) {
            assertThat(shell.exec("echo in").out()).isEqualTo("in\n");
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowCannotLogIn() throws Exception {
        var gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        Path stranger = tmp.resolve("stranger");
        try (var out = Files.newOutputStream(stranger)) {
            org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE
                    .writePrivateKey(gen.generateKeyPair(), "x", null, out);
        }
        SshTarget t = new SshTarget("127.0.0.1", server.port(), "trainer", stranger, tmp.resolve("kh"));
        assertThatThrownBy(() -> RemoteShell.connect(t, (h, ty, f) -> true, noSecrets, Duration.ofSeconds(10)))
                .hasMessageContaining("login to").hasMessageContaining("refused");
    }
}
