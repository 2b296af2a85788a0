package com.bizcharts.remote;

import com.bizcharts.learn.teacher.ApiKeys;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One SSH connection to the training machine: public-key login (passphrase from BIZCHARTS_SSH_PASSPHRASE in the
 * environment or keyring, never from settings), verified host key, command execution and SFTP.
 */
public final class RemoteShell implements AutoCloseable {

    public static final String PASSPHRASE_KEY = "BIZCHARTS_SSH_PASSPHRASE";

    /** What a command printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
        public boolean ok() { return exitCode == 0; }

        public Result orThrow(String what) {
            if (!ok()) throw new RemoteException(what + " failed (exit " + exitCode + "): " + firstLines(err.isBlank() ? out : err));
            return this;
        }

        private static String firstLines(String s) {
            String t = s.strip();
            return t.length() > 400 ? t.substring(0, 400) + "..." : t;
        }
    }

    private final SSHClient ssh;
    private SFTPClient sftp;

    private RemoteShell(SSHClient ssh) {
        this.ssh = ssh;
    }

    public static RemoteShell connect(SshTarget target, HostKeyTrust.FirstUse firstUse, ApiKeys secrets,
                                      Duration timeout) {
        SSHClient ssh = new SSHClient(new DefaultConfig());
        try {
            ssh.addHostKeyVerifier(HostKeyTrust.of(target.knownHosts(), firstUse));
            ssh.setConnectTimeout((int) timeout.toMillis());
            ssh.setTimeout((int) timeout.toMillis());
            ssh.connect(target.host(), target.port());
            if (target.key() == null || !Files.isReadable(target.key()))
                throw new IllegalArgumentException("SSH key not readable: " + target.key() + " (set --key or [remote] key)");
            String passphrase = secrets.find(PASSPHRASE_KEY).orElse(null);
            KeyProvider key = passphrase == null ? ssh.loadKeys(target.key().toString())
                    : ssh.loadKeys(target.key().toString(), PasswordUtils.createOneOff(passphrase.toCharArray()));
            ssh.authPublickey(target.user(), key);
            return new RemoteShell(ssh);
        } catch (TransportException e) {
            close(ssh);
            throw new RemoteException("cannot connect to " + target + ": " + e.getMessage()
                    + " (an unknown or changed host key is refused unless confirmed)");
        } catch (UserAuthException e) {
            close(ssh);
            throw new RemoteException("login to " + target + " refused for key " + target.key());
        } catch (IOException e) {
            close(ssh);
            throw new RemoteException("cannot connect to " + target + ": " + e.getMessage());
        } catch (RuntimeException e) {
            close(ssh);
            throw e;
        }
    }

    /** Runs a command through the remote shell and waits for it (at most the timeout). */
    public Result exec(String command, Duration timeout) {
        try (Session session = ssh.startSession()) {
            Session.Command cmd = session.exec(command);
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(cmd.getErrorStream()));
            String out = read(cmd.getInputStream());
            cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Integer status = cmd.getExitStatus();
            return new Result(status == null ? -1 : status, out, err.join());
        } catch (IOException e) {
            throw new RemoteException("remote command failed: " + e.getMessage());
        }
    }

    public Result exec(String command) {
        return exec(command, Duration.ofMinutes(2));
    }

    public SFTPClient sftp() {
        try {
            if (sftp == null) sftp = ssh.newSFTPClient();
            return sftp;
        } catch (IOException e) {
            throw new RemoteException("cannot open SFTP: " + e.getMessage());
        }
    }

    /** Tunnels 127.0.0.1:{@code localPort} here to {@code remoteHost:remotePort} as the remote machine sees it. */
    public LocalForward forward(int localPort, String remoteHost, int remotePort) {
        try {
            return new LocalForward(ssh, localPort, remoteHost, remotePort);
        } catch (IOException e) {
            throw new RemoteException("cannot open the SSH tunnel: " + e.getMessage());
        }
    }

    public boolean connected() {
        return ssh.isConnected() && ssh.isAuthenticated();
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes a value for the remote POSIX shell. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        try {
            if (sftp != null) sftp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        close(ssh);
    }

    private static void close(SSHClient ssh) {
        try {
            ssh.disconnect();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }
}
