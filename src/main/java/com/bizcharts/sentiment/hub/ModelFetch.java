package com.bizcharts.sentiment.hub;

import com.bizcharts.sentiment.onnx.ClipZeroShotHead;
import com.bizcharts.sentiment.onnx.OnnxModels;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.RegisteredModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Fetches a model of the catalog into {@code {models}/{name}}: each file downloaded (resuming a {@code .part} file a
 * broken-off attempt left) or found in place, its size and SHA-256 checked against the catalog's pin, else against
 * the hash the folder's manifest recorded on the first download, else recorded now; a file that fails a check is
 * refused and deleted. Then the directory is completed (labels.json, or a zero-shot head.json from the CLIP text
 * tower), checked to be the kind the catalog says, and registered under its content id, never activated. Nothing is
 * registered unless every file passed. The CLI and the Models view both run this one flow.
 */
public final class ModelFetch {

    private final Supplier<ModelCatalog> catalog;
    private final HubDownload hub;
    private final Path modelsDir;
    private final ModelRegistry registry;
    private final Clock clock;

    public ModelFetch(Supplier<ModelCatalog> catalog, HubDownload hub, Path modelsDir, ModelRegistry registry, Clock clock) {
        this.catalog = catalog;
        this.hub = hub;
        this.modelsDir = modelsDir;
        this.registry = registry;
        this.clock = clock;
    }

    /** The catalog as it is now (read again each time: an edited file counts at the next fetch). */
    public ModelCatalog catalog() {
        return catalog.get();
    }

    public URI hubBase() {
        return hub.base();
    }

    /** Where a model of that name goes. */
    public Path folder(String name) {
        return modelsDir.resolve(name);
    }

    /**
     * @param listener told each step and the bytes as they arrive (on the calling thread or the HTTP client's)
     * @throws IllegalArgumentException the catalog has no such model
     * @throws HubException             a file could not be had or was refused (nothing registered)
     * @throws java.util.concurrent.CancellationException {@code cancelled} said so (the part file kept)
     */
    public FetchResult fetch(String name, Consumer<FetchStatus> listener, BooleanSupplier cancelled) {
        ModelCatalog c = catalog.get();
        ModelCatalog.Model m = c.find(name).orElseThrow(() -> new IllegalArgumentException("no model '" + name
                + "' in the catalog (known: " + String.join(", ", c.names()) + "; see 'models fetch --list')"));
        Path dir = folder(m.name());
        try {
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".fetch.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = tryLock(lockFile, m.name())) {
                return fetchLocked(m, dir, listener, cancelled);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + dir + ": " + e.getMessage(), e);
        }
    }

    private FetchResult fetchLocked(ModelCatalog.Model m, Path dir, Consumer<FetchStatus> listener, BooleanSupplier cancelled)
            throws IOException {
        int n = m.files().size();
        Consumer<String> say = line -> listener.accept(new FetchStatus(m.name(), null, 0, n, 0, -1, line));
        say.accept("fetching " + m.name() + " from " + hub.base() + "/" + m.repo() + " at revision " + m.revision()
                + " into " + display(dir));
        FetchManifest manifest = FetchManifest.read(dir)
                .filter(old -> old.repo().equals(m.repo()) && old.revision().equals(m.revision()))
                .orElse(new FetchManifest(m.name(), m.kind(), m.repo(), m.revision(), null, hub.base().toString(),
                        clock.instant().toString(), List.of(), List.of()));
        List<String> notes = new ArrayList<>();
        int downloaded = 0;
        for (int i = 0; i < n; i++) {
            ModelCatalog.File f = m.files().get(i);
            FetchedFile got = fetchFile(m, f, i + 1, n, dir, manifest, listener, cancelled);
            if (got.downloaded()) downloaded++;
            if (got.note() != null) notes.add(got.note());
            manifest = manifest.with(got.entry()).withCommit(got.commit());
            manifest.write(dir);
        }
        manifest = manifest.withGenerated(complete(m, dir, say));
        manifest.write(dir);
        String kind = OnnxModels.kindOf(dir);
        if (!m.kind().equals(kind)) {
            throw new HubException("the files of " + m.name() + " in " + display(dir) + " do not make an " + m.kind()
                    + " directory (docs/onnx-models.md); nothing registered", false);
        }
        RegisteredModel registered = registry.registerSignalModel(OnnxModels.id(dir), kind, dir.toAbsolutePath().normalize().toString());
        say.accept("registered " + registered.id() + " (" + display(dir) + "), not active");
        return new FetchResult(registered, dir, downloaded, List.copyOf(notes), turnOn(m, dir));
    }

    private record FetchedFile(FetchManifest.Entry entry, String commit, boolean downloaded, String note) {}

    private FetchedFile fetchFile(ModelCatalog.Model m, ModelCatalog.File f, int index, int n, Path dir,
                                  FetchManifest manifest, Consumer<FetchStatus> listener, BooleanSupplier cancelled)
            throws IOException {
        Path target = dir.resolve(f.saveAs());
        Path part = dir.resolve(f.saveAs() + ".part");
        Optional<FetchManifest.Entry> recorded = manifest.recorded(m.repo(), m.revision(), f.path());
        String expected = f.pinned() ? f.sha256() : recorded.map(FetchManifest.Entry::sha256).orElse(null);
        String against = f.pinned() ? "as the catalog pins" : "as recorded in " + FetchManifest.FILE;
        Consumer<String> say = line -> listener.accept(new FetchStatus(m.name(), f.path(), index, n, 0, -1, line));
        String head = "[" + index + "/" + n + "] " + f.path();
        if (expected != null && Files.isRegularFile(target)) {
            long size = Files.size(target);
            if ((f.size() == null || f.size() == size) && expected.equals(sha256(target))) {
                say.accept(head + ": already in place, " + size + " bytes, sha256 " + shortHash(expected) + " " + against);
                return new FetchedFile(new FetchManifest.Entry(f.path(), f.saveAs(), size, expected, f.pinned(),
                        recorded.map(FetchManifest.Entry::etag).orElse(null)), null, false, null);
            }
            say.accept(head + ": the copy in place does not match; downloading it again");
        }
        long have = Files.exists(part) ? Files.size(part) : 0;
        say.accept(head + " -> " + f.saveAs() + (f.size() == null ? "" : " (" + FetchStatus.megabytes(f.size()) + ")")
                + (have > 0 ? ", resuming after " + FetchStatus.megabytes(have) : ""));
        long[] shown = {-1};
        HubDownload.Answer a = hub.download(m.repo(), m.revision(), f.path(), part, f.size() == null ? -1 : f.size(),
                (done, total) -> {
                    long permille = total > 0 ? done * 1000 / total : done >> 20;
                    if (permille == shown[0]) return; // one status per 0.1% (or MB), not one per network packet
                    shown[0] = permille;
                    listener.accept(new FetchStatus(m.name(), f.path(), index, n, done, total, null));
                }, cancelled);
        if (have > 0 && a.resumedAt() == 0) say.accept(head + ": the server sent the whole file again");
        String sha = verify(m, f, part, a, expected, f.pinned());
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String note = null;
        if (expected == null) {
            note = "sha256 of " + f.path() + " recorded on first download in " + display(dir.resolve(FetchManifest.FILE))
                    + ": " + sha + " (the catalog pins none; later fetches are checked against it)";
            say.accept(head + ": " + a.length() + " bytes, sha256 " + sha + " recorded on first download in "
                    + FetchManifest.FILE + " (the catalog pins none)");
        } else {
            say.accept(head + ": verified, " + a.length() + " bytes, sha256 " + shortHash(sha) + " " + against);
        }
        String etag = a.linkedEtag() != null ? a.linkedEtag() : a.etag();
        return new FetchedFile(new FetchManifest.Entry(f.path(), f.saveAs(), a.length(), sha, f.pinned(), etag),
                a.commit(), true, note);
    }

    /** Size and hash of the part file; a failed check deletes it (its bytes are wrong, resuming would keep them). */
    private String verify(ModelCatalog.Model m, ModelCatalog.File f, Path part, HubDownload.Answer a, String expected,
                          boolean pinned) throws IOException {
        String what = f.path() + " of " + m.repo() + " at revision " + m.revision();
        if (m.revision().matches("[0-9a-f]{40}") && a.commit() != null && !a.commit().equalsIgnoreCase(m.revision())) {
            refuse(part, "the Hub served commit " + a.commit() + " for " + what);
        }
        long size = Files.size(part);
        if (f.size() != null && size != f.size()) refuse(part, what + " is " + size + " bytes, the catalog says " + f.size());
        if (a.hubSize() >= 0 && size != a.hubSize()) refuse(part, what + " is " + size + " bytes, the Hub says " + a.hubSize());
        String sha = sha256(part);
        if (expected != null && !expected.equals(sha)) {
            refuse(part, what + " has sha256 " + sha + ", " + (pinned ? "the catalog pins " : "the manifest recorded ") + expected);
        }
        // an LFS file's X-Linked-Etag is its SHA-256: the Hub's own word, checked even when the catalog pins nothing
        if (a.linkedEtag() != null && a.linkedEtag().matches("[0-9a-f]{64}") && !a.linkedEtag().equals(sha)) {
            refuse(part, what + " has sha256 " + sha + ", the Hub's X-Linked-Etag says " + a.linkedEtag());
        }
        return sha;
    }

    private static void refuse(Path part, String why) throws IOException {
        Files.deleteIfExists(part);
        throw new HubException(why + ": file refused, nothing registered", false);
    }

    /** Writes what the Hub does not have (labels.json, head.json); returns how, for the manifest. */
    private static List<String> complete(ModelCatalog.Model m, Path dir, Consumer<String> say) throws IOException {
        List<String> generated = new ArrayList<>();
        if (m.labels() != null) {
            Files.writeString(dir.resolve("labels.json"), m.labels().toPrettyString());
            generated.add("labels.json from the catalog");
            say.accept("wrote labels.json from the catalog: " + m.labels().path("labels"));
        }
        if (m.zeroShot() != null) {
            var z = m.zeroShot();
            int prompts = z.prompts().values().stream().mapToInt(List::size).sum();
            say.accept("making head.json: the zero-shot head of " + z.prompts().size() + " labels from " + prompts
                    + " prompts through " + z.textModel());
            ClipZeroShotHead.write(dir, dir.resolve(z.textModel()), dir.resolve(z.tokenizer()), z.prompts(), z.scale());
            generated.add("head.json: zero-shot from " + z.textModel() + " and the catalog's prompts, scale " + z.scale());
        }
        return generated;
    }

    private String turnOn(ModelCatalog.Model m, Path dir) {
        String key = switch (m.kind()) {
            case OnnxModels.IMAGE -> "onnx_image";
            case OnnxModels.TEXT -> "onnx_text";
            default -> null;
        };
        String on = key == null ? "" : "to turn it on, set [signals] " + key + " = \"" + display(dir) + "\" in the settings "
                + "(config/settings.toml or your --config file); 'score' and the workstation, once restarted, then fuse it "
                + "and score every post again under the new id";
        if (m.note() == null) return on.isEmpty() ? "it is registered; nothing reads it yet" : on;
        return on.isEmpty() ? m.note() : on + ". " + m.note();
    }

    private static FileLock tryLock(FileChannel channel, String name) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) return lock;
        } catch (OverlappingFileLockException e) {
            // held by this process
        }
        throw new HubException("another fetch of " + name + " is running; wait for it to finish", false);
    }

    /** A path as the settings would name it, with forward slashes (TOML strings keep backslashes as escapes). */
    private static String display(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static String shortHash(String sha) {
        return sha.substring(0, 12) + "…";
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int r; (r = in.read(buffer)) > 0; ) d.update(buffer, 0, r);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
