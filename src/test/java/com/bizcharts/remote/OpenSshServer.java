package com.bizcharts.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's real OpenSSH server ({@code /usr/sbin/sshd}) on a free loopback port, with host keys and a config of its
 * own in a temp folder: the server the workstation meets on a GPU box or a pod, where MINA SSHD is only a stand-in
 * (OpenSSH refuses SHA-1 ssh-rsa signatures, offers several host keys, runs privilege-separated children per
 * connection). It logs in the current user with the keys given to {@link #authorize}. Tests that need it skip, with
 * the reason, where sshd or ssh-keygen is missing ({@code apt-get install openssh-server}).
 */
final class OpenSshServer implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private final Path dir;
    private final List<String> hostKeyTypes;
    private Process sshd;
    private int port;

    /** Skips the calling test, saying why, where Debian's OpenSSH server is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(SSHD), SSHD + " is missing: apt-get install openssh-server (the .ci/run script does)");
        assumeTrue(Files.isExecutable(SSH_KEYGEN), SSH_KEYGEN + " is missing: apt-get install openssh-client");
    }

    /** @param hostKeyTypes ssh-keygen -t values, e.g. rsa, ecdsa, ed25519: the host keys the server offers */
    OpenSshServer(Path dir, String... hostKeyTypes) throws Exception {
        this.dir = Files.createDirectories(dir);
        this.hostKeyTypes = List.of(hostKeyTypes);
        Files.writeString(dir.resolve("authorized_keys"), "");
        for (String t : hostKeyTypes) keygen(t, "", dir.resolve("host_" + t));
    }

    /** Makes a client key pair with ssh-keygen ({@code passphrase} "" for none) that this server accepts. */
    Path authorize(String name, String passphrase) throws Exception {
        Path key = dir.resolve(name);
        keygen("ed25519", passphrase, key);
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
                java.nio.file.StandardOpenOption.APPEND);
        return key;
    }

    /** A key pair this server knows nothing of (for a known_hosts entry that does not match, say). */
    Path stranger(String type, String name) throws Exception {
        Path key = dir.resolve(name);
        keygen(type, "", key);
        return key;
    }

    /** Starts sshd in the foreground ({@code -D -e}) on a free port, retrying another port if that one was taken. */
    OpenSshServer start() throws Exception {
        ensurePrivilegeSeparationDir();
        for (int attempt = 0; attempt < 5; attempt++) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Files.writeString(dir.resolve("sshd_config"), config());
            Path log = dir.resolve("sshd.log");
            sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (awaitListening(log)) return this;
            stop();
        }
        throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
    }

    private String config() {
        StringBuilder b = new StringBuilder();
        b.append("Port ").append(port).append("\nListenAddress 127.0.0.1\n");
        for (String t : hostKeyTypes) b.append("HostKey ").append(dir.resolve("host_" + t)).append('\n');
        b.append("PidFile ").append(dir.resolve("sshd.pid")).append('\n')
                .append("AuthorizedKeysFile ").append(dir.resolve("authorized_keys")).append('\n')
                .append("""
                        UsePAM no
                        StrictModes no
                        PubkeyAuthentication yes
                        PasswordAuthentication no
                        KbdInteractiveAuthentication no
                        AllowTcpForwarding yes
                        Subsystem sftp internal-sftp
                        LogLevel VERBOSE
                        """);
        return b.toString();
    }

    private boolean awaitListening(Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) {
                String why = Files.readString(log);
                assumeTrue(!why.contains("privilege separation"), "sshd cannot run here: " + why.strip());
                if (why.contains("Address already in use")) return false;
                throw new IllegalStateException("sshd exited: " + why);
            }
            if (Files.readString(log).contains("Server listening on 127.0.0.1 port " + port)) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return true;
                } catch (IOException notYet) {
                    // listening is logged just before the accept loop
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** sshd wants /run/sshd as root; the Debian service makes it at boot, a container may not have it. */
    private static void ensurePrivilegeSeparationDir() {
        Path run = Path.of("/run/sshd");
        if (Files.isDirectory(run) || !"root".equals(System.getProperty("user.name"))) return;
        try {
            Files.createDirectories(run);
        } catch (IOException e) {
            assumeTrue(false, "sshd needs " + run + " and it cannot be made: " + e.getMessage());
        }
    }

    int port() { return port; }

    String user() { return System.getProperty("user.name"); }

    /** "ssh-ed25519 AAAA..." of this server's host key of that ssh-keygen type, as a known_hosts line wants it. */
    String hostKey(String type) throws IOException {
        return publicKey(dir.resolve("host_" + type));
    }

    /** "keytype base64" of the key pair at {@code key} (its .pub, without the comment). */
    static String publicKey(Path key) throws IOException {
        String[] f = Files.readString(Path.of(key + ".pub")).strip().split(" ");
        return f[0] + " " + f[1];
    }

    /** "[127.0.0.1]:PORT keytype base64": the known_hosts line ssh-keyscan -t TYPE would write for this server. */
    String knownHostsLine(String publicKey) {
        return "[127.0.0.1]:" + port + " " + publicKey;
    }

    /**
     * Kills every connection's sshd processes (the per-connection monitor and its unprivileged child), as a network
     * drop would end them; the listener keeps accepting. A job started detached over SSH is no longer among them.
     */
    void dropConnections() throws InterruptedException {
        List<ProcessHandle> children = new ArrayList<>(sshd.descendants().toList());
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : children) p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> p).join();
    }

    /** How many connections are up (sshd forks a process for each). */
    long connections() {
        return sshd.children().count();
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    private void stop() throws InterruptedException {
        if (sshd == null) return;
        sshd.descendants().forEach(ProcessHandle::destroyForcibly);
        sshd.destroy();
        if (!sshd.waitFor(5, TimeUnit.SECONDS)) sshd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    private static void keygen(String type, String passphrase, Path file) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SSH_KEYGEN.toString(), "-q", "-t", type, "-N", passphrase, "-C", "bizcharts-test",
                "-f", file.toString()));
        if (type.equals("rsa")) cmd.addAll(List.of("-b", "2048")); // fast enough to make per test class
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("ssh-keygen " + type + " failed: " + out);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
