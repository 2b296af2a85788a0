package com.bizcharts.remote;

import net.schmizz.sshj.xfer.FileSystemFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Folder transfer over SFTP, checksummed both ways and resumable: files whose SHA-256 already matches on the
 * other side are skipped, so an interrupted push or pull picks up where it stopped. Every transferred file is
 * verified after the copy; a mismatch is an error, never a silent corruption.
 */
public final class FileSync {

    /** What a transfer did. */
    public record Report(int transferred, int skipped, long bytes) {}

    private static final int CHECKSUM_BATCH = 200;
    private final RemoteShell shell;

    public FileSync(RemoteShell shell) {
        this.shell = shell;
    }

    public Report push(Path localDir, String remoteDir) {
        Map<String, String> local = localSums(localDir);
        Map<String, String> remote = remoteSums(remoteDir);
        List<String> todo = local.keySet().stream().filter(f -> !local.get(f).equals(remote.get(f))).toList();
        var dirs = todo.stream().map(f -> parent(remoteDir + "/" + f)).distinct().map(RemoteShell::quote).toList();
        if (!dirs.isEmpty()) shell.exec("mkdir -p " + String.join(" ", dirs)).orThrow("creating remote folders");
        long bytes = 0;
        for (String f : todo) {
            Path file = localDir.resolve(f);
            try {
                shell.sftp().put(new FileSystemFile(file.toFile()), remoteDir + "/" + f);
                bytes += Files.size(file);
            } catch (IOException e) {
                throw new RemoteException("upload of " + f + " failed: " + e.getMessage());
            }
        }
        Map<String, String> after = remoteSums(remoteDir, todo);
        for (String f : todo) {
            if (!local.get(f).equals(after.get(f))) throw new RemoteException("checksum mismatch after upload of " + f);
        }
        return new Report(todo.size(), local.size() - todo.size(), bytes);
    }

    public Report pull(String remoteDir, Path localDir) {
        Map<String, String> remote = remoteSums(remoteDir);
        if (remote.isEmpty()) throw new RemoteException("nothing to pull: " + remoteDir + " is empty or missing");
        Map<String, String> local = localSums(localDir);
        long bytes = 0;
        int transferred = 0;
        for (var e : remote.entrySet()) {
            if (e.getValue().equals(local.get(e.getKey()))) continue;
            Path target = localDir.resolve(e.getKey()).normalize();
            if (!target.startsWith(localDir)) throw new RemoteException("refusing remote path outside the run: " + e.getKey());
            try {
                Files.createDirectories(target.getParent());
                shell.sftp().get(remoteDir + "/" + e.getKey(), new FileSystemFile(target.toFile()));
                if (!e.getValue().equals(sha256(target))) throw new RemoteException("checksum mismatch after download of " + e.getKey());
                bytes += Files.size(target);
                transferred++;
            } catch (IOException ex) {
                throw new RemoteException("download of " + e.getKey() + " failed: " + ex.getMessage());
            }
        }
        return new Report(transferred, remote.size() - transferred, bytes);
    }

    /** Relative path to SHA-256 of every file under the remote folder (empty when it does not exist). */
    Map<String, String> remoteSums(String remoteDir) {
        var r = shell.exec("cd " + RemoteShell.quote(remoteDir) + " 2>/dev/null && find . -type f -exec sha256sum {} + || true",
                Duration.ofMinutes(10));
        return parseSums(r.out());
    }

    private Map<String, String> remoteSums(String remoteDir, List<String> files) {
        Map<String, String> sums = new TreeMap<>();
        for (int i = 0; i < files.size(); i += CHECKSUM_BATCH) {
            var chunk = files.subList(i, Math.min(files.size(), i + CHECKSUM_BATCH)).stream()
                    .map(f -> RemoteShell.quote("./" + f)).toList();
            var r = shell.exec("cd " + RemoteShell.quote(remoteDir) + " && sha256sum " + String.join(" ", chunk),
                    Duration.ofMinutes(10));
            sums.putAll(parseSums(r.out()));
        }
        return sums;
    }

    static Map<String, String> parseSums(String out) {
        Map<String, String> sums = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (line.length() < 67) continue;
            String name = line.substring(66); // "<64 hex><space><space or *>name"
            sums.put(name.startsWith("./") ? name.substring(2) : name, line.substring(0, 64));
        }
        return sums;
    }

    static Map<String, String> localSums(Path dir) {
        Map<String, String> sums = new TreeMap<>();
        if (!Files.isDirectory(dir)) return sums;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sums.put(dir.relativize(f).toString().replace('\\', '/'), sha256(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

}
