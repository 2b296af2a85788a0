package com.bizcharts.remote;

import com.bizcharts.learn.teacher.ApiKeys;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;

/**
 * The private key to log in with, decrypted before any connection is made. A key whose passphrase is missing or wrong
 * is said to be so, with where the passphrase is read from; otherwise SSHJ would fail in the middle of the login (the
 * server having accepted the public key) and it would read as a refused login.
 */
final class SshKey {

    private SshKey() {}

    static KeyProvider load(SSHClient ssh, Path file, ApiKeys secrets) {
        if (file == null || !Files.isReadable(file))
            throw new IllegalArgumentException("SSH key not readable: " + file + " (set --key or [remote] key)");
        String passphrase = secrets.find(RemoteShell.PASSPHRASE_KEY).orElse(null);
        try {
            KeyProvider key = passphrase == null ? ssh.loadKeys(file.toString())
                    : ssh.loadKeys(file.toString(), PasswordUtils.createOneOff(passphrase.toCharArray()));
            // read both halves now: the one-off passphrase is wiped after its first use
            return new KeyPairWrapper(new KeyPair(key.getPublic(), key.getPrivate()));
        } catch (IOException | RuntimeException e) {
            boolean encrypted = encrypted(file);
            if (encrypted && passphrase == null)
                throw new IllegalArgumentException("the SSH key " + file + " is protected by a passphrase and none was found: "
                        + where());
            if (encrypted)
                throw new IllegalArgumentException("the passphrase in " + RemoteShell.PASSPHRASE_KEY + " does not decrypt the"
                        + " SSH key " + file + " (wrong passphrase, or one for another key): " + where());
            throw new IllegalArgumentException("cannot read the SSH key " + file + ": " + e.getMessage());
        }
    }

    private static String where() {
        return "it is read from " + RemoteShell.PASSPHRASE_KEY + " in the environment, else from the keyring"
                + " (secret-tool store --label='BizCharts SSH key' service bizcharts key " + RemoteShell.PASSPHRASE_KEY + ")";
    }

    /** Whether the key file says it is encrypted: PEM/PKCS#8 headers, OpenSSH's cipher name, PuTTY's Encryption line. */
    static boolean encrypted(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return false;
        }
        if (text.contains("ENCRYPTED")) return true; // "Proc-Type: 4,ENCRYPTED" and "BEGIN ENCRYPTED PRIVATE KEY"
        if (text.contains("PuTTY-User-Key-File")) return !text.contains("Encryption: none");
        int begin = text.indexOf("-----BEGIN OPENSSH PRIVATE KEY-----");
        int end = text.indexOf("-----END OPENSSH PRIVATE KEY-----");
        if (begin < 0 || end < begin) return false;
        try {
            String body = text.substring(begin + 35, end).replaceAll("\\s", "");
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(body));
            b.position("openssh-key-v1\0".length());
            byte[] cipher = new byte[b.getInt()];
            b.get(cipher);
            return !new String(cipher, StandardCharsets.US_ASCII).equals("none");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
