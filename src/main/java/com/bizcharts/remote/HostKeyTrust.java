package com.bizcharts.remote;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * Host keys checked against an OpenSSH known_hosts file. An unknown host is trusted only when the user confirms
 * its fingerprint (a dialog in the GUI, a prompt or --accept-new-host-key in the CLI) and is then remembered;
 * a host whose key changed is always refused, as OpenSSH does.
 */
public final class HostKeyTrust extends OpenSSHKnownHosts {

    /** Asked once per new host; true trusts the key and records it. */
    @FunctionalInterface
    public interface FirstUse {
        boolean confirm(String host, String keyType, String sha256Fingerprint);

        FirstUse REFUSE = (h, t, f) -> false;
    }

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyTrust.class);
    private final FirstUse firstUse;

    private HostKeyTrust(File file, FirstUse firstUse) throws IOException {
        super(file);
        this.firstUse = firstUse;
    }

    public static HostKeyTrust of(Path knownHosts, FirstUse firstUse) throws IOException {
        if (knownHosts.getParent() != null) Files.createDirectories(knownHosts.getParent());
        if (!Files.exists(knownHosts)) Files.createFile(knownHosts);
        return new HostKeyTrust(knownHosts.toFile(), firstUse);
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        KeyType type = KeyType.fromKey(key);
        if (!firstUse.confirm(hostname, type.toString(), fingerprint(key))) return false;
        try {
            HostEntry entry = new HostEntry(null, hostname, type, key);
            entries().add(entry);
            write(entry);
        } catch (IOException e) {
            LOG.warn("trusted {} for this session but could not record it in {}: {}", hostname, khFile, e.getMessage());
        }
        return true;
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        LOG.warn("host key of {} does not match {} (now {}): refusing to connect", hostname, khFile, fingerprint(key));
        return false;
    }

    /** The fingerprint OpenSSH shows: SHA256:base64 of the key blob, unpadded. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
