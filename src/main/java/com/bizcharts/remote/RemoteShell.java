package com.bizcharts.remote;

import com.bizcharts.learn.teacher.ApiKeys;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One SSH connection to the training machine: public-key login (passphrase from BIZCHARTS_SSH_PASSPHRASE in the
 * environment or keyring, never from settings), verified host key ({@link HostKeyTrust}), command execution and SFTP.
 * SSHJ's own error logging is quieted ({@link QuietSshLogs}): what went wrong reaches the caller as one message.
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
    private final SshTarget target;
    private SFTPClient sftp;

    private RemoteShell(SSHClient ssh, SshTarget target) {
        this.ssh = ssh;
        this.target = target;
    }

    /**
     * Connects, verifies the host key and logs in. A refused host key or login, or a key that cannot be decrypted, is
     * said as such; anything else (refused, timed out, dropped during the handshake) is {@link RemoteException#connectionLost}.
     */
    public static RemoteShell connect(SshTarget target, HostKeyTrust.FirstUse firstUse, ApiKeys secrets,
                                      Duration timeout) {
        DefaultConfig config = new DefaultConfig();
        config.setLoggerFactory(QuietSshLogs.INSTANCE);
        SSHClient ssh = new SSHClient(config);
        KeyProvider key = SshKey.load(ssh, target.key(), secrets);
        HostKeyTrust trust;
        try {
            trust = HostKeyTrust.of(target.knownHosts(), firstUse);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read known_hosts " + target.knownHosts() + ": " + e.getMessage());
        }
        try {
            ssh.addHostKeyVerifier(trust);
            ssh.setConnectTimeout((int) timeout.toMillis());
            ssh.setTimeout((int) timeout.toMillis());
            ssh.connect(target.host(), target.port());
            ssh.authPublickey(target.user(), key);
            return new RemoteShell(ssh, target);
        } catch (UserAuthException e) {
            close(ssh);
            throw new RemoteException("login to " + target + " refused for key " + target.key() + ": the server does not"
                    + " accept it for user " + target.user() + " (is the .pub in that user's authorized_keys there?)");
        } catch (IOException e) {
            close(ssh);
            if (trust.refusal().isPresent()) throw new RemoteException(trust.refusal().get());
            throw RemoteException.connectionLost("cannot connect to " + target + ": " + describe(e));
        } catch (RuntimeException e) {
            close(ssh);
            throw e;
        }
    }

    /**
     * Runs a command through the remote shell and waits for it (at most the timeout). A connection that drops on the
     * way is {@link RemoteException#connectionLost}: the command's outcome is then unknown, never a made-up exit code.
     */
    public Result exec(String command, Duration timeout) {
        try (Session session = ssh.startSession()) {
            Session.Command cmd = session.exec(command);
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(cmd.getErrorStream()));
            String out = read(cmd.getInputStream());
            cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Integer status = cmd.getExitStatus();
            String errText = err.join();
            if (status == null && !ssh.isConnected()) throw lost(null);
            return new Result(status == null ? -1 : status, out, errText);
        } catch (IOException | UncheckedIOException | CompletionException | IllegalStateException e) {
            // SSHJ says "Broken transport; encountered EOF", "Not connected" and the like once the link is gone
            if (!ssh.isConnected() || e instanceof TransportException || e.getCause() instanceof TransportException
                    || e instanceof IllegalStateException) throw lost(e);
            throw new RemoteException("remote command failed: " + describe(e));
        }
    }

    private RemoteException lost(Exception e) {
        return RemoteException.connectionLost("the connection to " + target + " dropped"
                + (e == null ? "" : " (" + describe(e) + ")"));
    }

    private static String describe(Exception e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof UncheckedIOException && t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
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
