package com.bizcharts.remote;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SSH server in the test JVM (Apache MINA SSHD) with SFTP on the local file system and exec through
 * {@code /bin/sh -c} and local port forwarding: the "remote machine" is a temp folder (and this machine's loopback),
 * so the client speaks the real protocol end to end.
 * Only the key written by {@link #writeClientKey} may log in.
 */
public final class LoopbackSshServer implements AutoCloseable {

    private final SshServer sshd;
    private final KeyPair clientKey;
    final AtomicInteger execs = new AtomicInteger();

    public LoopbackSshServer(Path hostKeyFile) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        clientKey = gen.generateKeyPair();
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeyFile));
        sshd.setPublickeyAuthenticator((user, key, session) -> key.equals(clientKey.getPublic()));
        sshd.setFileSystemFactory(NativeFileSystemFactory.INSTANCE);
        // Local port forwarding (direct-tcpip), as sshd allows by default: 'remote serve' tunnels through it.
        sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setCommandFactory((channel, command) -> {
            execs.incrementAndGet();
            return new ShellCommand(command);
        });
        sshd.start();
    }

    public int port() { return sshd.getPort(); }

    public PublicKey hostKey() throws Exception {
        return sshd.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    }

    public Path writeClientKey(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "test", null, out);
        }
        return file;
    }

    /** The client key encrypted with {@code passphrase} (AES-256-CTR, bcrypt KDF), as ssh-keygen -N writes it. */
    public Path writeClientKey(Path file, String passphrase) throws Exception {
        var options = new org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext();
        options.setPassword(passphrase);
        options.setCipherName("AES");
        options.setCipherMode("CTR");
        options.setCipherType("256");
        options.setKdfRounds(4); // few rounds: a test key, not a secret
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "test", options, out);
        }
        return file;
    }

    /** Cuts every client connection now, as a network drop would; the server keeps listening. */
    public void dropConnections() {
        sshd.getActiveSessions().forEach(s -> s.close(true));
    }

    /** The client key in OpenSSH's public form (what KEY.pub holds and a pod's PUBLIC_KEY receives). */
    public String clientPublicKey() {
        return org.apache.sshd.common.config.keys.PublicKeyEntry.toString(clientKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    /** Runs the command through the real shell of this machine, as a remote sshd would. */
    private static final class ShellCommand implements Command {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Process process;

        ShellCommand(String command) { this.command = command; }

        @Override public void setInputStream(InputStream in) { this.in = in; }
        @Override public void setOutputStream(OutputStream out) { this.out = out; }
        @Override public void setErrorStream(OutputStream err) { this.err = err; }
        @Override public void setExitCallback(ExitCallback callback) { this.exit = callback; }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            process = new ProcessBuilder("/bin/sh", "-c", command).start();
            process.getOutputStream().close();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread errCopy = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), err));
                    copy(process.getInputStream(), out);
                    errCopy.join();
                    exit.onExit(process.waitFor());
                } catch (InterruptedException e) {
                    exit.onExit(130);
                }
            });
        }

        private static void copy(InputStream from, OutputStream to) {
            try {
                from.transferTo(to);
                to.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (process != null) process.destroy();
        }
    }
}
