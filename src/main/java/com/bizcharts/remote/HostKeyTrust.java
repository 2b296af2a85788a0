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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Host keys checked against an OpenSSH known_hosts file. An unknown host is trusted only when the user confirms
 * its fingerprint (a dialog in the GUI, a prompt or --accept-new-host-key in the CLI) and is then remembered.
 * A host known under any key type is verified against that entry and never trusted afresh: a changed key, or a
 * server that no longer shows the known key's type, is refused, as OpenSSH does. Why a key was refused is kept
 * ({@link #refusal}) so the caller can say it plainly, with SHA256 fingerprints as the first-use prompt shows them.
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
    private volatile String refusal;

    private HostKeyTrust(File file, FirstUse firstUse) throws IOException {
        super(file);
        this.firstUse = firstUse;
    }

    public static HostKeyTrust of(Path knownHosts, FirstUse firstUse) throws IOException {
        if (knownHosts.getParent() != null) Files.createDirectories(knownHosts.getParent());
        if (!Files.exists(knownHosts)) Files.createFile(knownHosts);
        return new HostKeyTrust(knownHosts.toFile(), firstUse);
    }

    /** Why the last host key was refused (changed, another type than known, or not confirmed), if it was. */
    public Optional<String> refusal() { return Optional.ofNullable(refusal); }

    /**
     * The signature algorithms to ask the server for first, so that it proves the key we already know. SSHJ names an
     * RSA entry "ssh-rsa" only, the SHA-1 signature OpenSSH 8.8 and later refuse; the server then picks its next key
     * (Ed25519, say) and the host would look new. An RSA key signs as rsa-sha2-512/256 as well: ask for those first.
     */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        Set<String> out = new LinkedHashSet<>();
        for (String alg : super.findExistingAlgorithms(hostname, port)) {
            if (alg.equals(KeyType.RSA.toString())) {
                out.add("rsa-sha2-512");
                out.add("rsa-sha2-256");
            }
            out.add(alg);
        }
        return new ArrayList<>(out);
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        KeyType type = KeyType.fromKey(key);
        List<KnownHostEntry> known = entriesFor(hostname);
        if (!known.isEmpty()) {
            refusal = "host key of " + hostname + " not verified: " + khFile + " knows it by its " + describe(known)
                    + ", but the server offered its " + type + " key (" + fingerprint(key) + ") instead; refusing to"
                    + " trust a second key for a known host. " + ifReinstalled(hostname);
            return false;
        }
        if (!firstUse.confirm(hostname, type.toString(), fingerprint(key))) {
            refusal = "host " + hostname + " is not in " + khFile + " and its " + type + " key " + fingerprint(key)
                    + " was not confirmed (check the fingerprint, then trust it: 'Trust and connect' in the workstation,"
                    + " --accept-new-host-key on the command line)";
            return false;
        }
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
        KeyType type = KeyType.fromKey(key);
        List<KnownHostEntry> sameType = entriesFor(hostname).stream().filter(e -> e.getType() == type).toList();
        refusal = "host key of " + hostname + " CHANGED: " + khFile + " has " + describe(sameType) + ", the server now"
                + " presents " + type + " " + fingerprint(key) + ". Refusing to connect: someone may be intercepting"
                + " the connection. " + ifReinstalled(hostname);
        return false;
    }

    private String ifReinstalled(String hostname) {
        return "If the machine was reinstalled or its keys replaced, confirm the new fingerprint with its owner, then"
                + " remove the old entry (ssh-keygen -R '" + hostname + "' -f " + khFile + ") and connect again.";
    }

    private List<KnownHostEntry> entriesFor(String hostname) {
        List<KnownHostEntry> out = new ArrayList<>();
        for (KnownHostEntry e : entries()) {
            try {
                if (e instanceof HostEntry && e.appliesTo(hostname)) out.add(e);
            } catch (IOException ignored) {
                // an entry whose hashed host part cannot be checked says nothing about this host
            }
        }
        return out;
    }

    /** "ssh-rsa key SHA256:..." for each entry, as OpenSSH prints them. */
    private static String describe(List<KnownHostEntry> entries) {
        List<String> parts = new ArrayList<>();
        for (KnownHostEntry e : entries) parts.add(e.getType() + " key " + fingerprintOfLine(e.getLine(), e.getType()));
        return String.join(" and ", parts);
    }

    /** The SHA256 fingerprint of an entry's key, read from its line (the entry keeps the key itself to itself). */
    static String fingerprintOfLine(String line, KeyType type) {
        String[] f = line.strip().split("\\s+");
        for (int i = 0; i + 1 < f.length; i++) {
            if (f[i].equals(type.toString())) {
                try {
                    return sha256(Base64.getDecoder().decode(f[i + 1]));
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        return "(unreadable key)";
    }

    /** The fingerprint OpenSSH shows: SHA256:base64 of the key blob, unpadded. */
    public static String fingerprint(PublicKey key) {
        return sha256(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    private static String sha256(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
