package com.bizcharts.sentiment.hub;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code manifest.json} in a fetched model's folder: where the files came from (repository, revision, the commit the
 * Hub resolved it to), and each file's size and SHA-256 as checked, with whether the catalog pinned the hash or it
 * was recorded here on first download. A later fetch checks unpinned files against what is recorded here, and finds
 * the files already in place without downloading them again. Written after each file, so a fetch that stops keeps
 * what it verified.
 *
 * @param generated files this program wrote into the folder (labels.json, head.json), with how
 */
public record FetchManifest(String name, String kind, String repo, String revision, String commit, String hub,
                            String fetchedAt, List<Entry> files, List<String> generated) {

    public static final String FILE = "manifest.json";

    /**
     * A file as fetched and checked.
     *
     * @param pinned true: the sha256 is the catalog's; false: it was recorded on first download
     * @param etag   the Hub's ETag for it (an LFS file's is its SHA-256, a small file's its git blob id), or null
     */
    public record Entry(String path, String savedAs, long size, String sha256, boolean pinned, String etag) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public FetchManifest {
        files = files == null ? List.of() : List.copyOf(files);
        generated = generated == null ? List.of() : List.copyOf(generated);
    }

    /** The folder's manifest, or empty when it has none. */
    public static Optional<FetchManifest> read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(f.toFile(), FetchManifest.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed " + f + " (" + e.getMessage().lines().findFirst().orElse("")
                    + "): delete it to fetch the model afresh", e);
        }
    }

    /** What was recorded for {@code path} when it was fetched from the same repository at the same revision. */
    public Optional<Entry> recorded(String repository, String atRevision, String path) {
        if (!repository.equals(repo) || !atRevision.equals(revision)) return Optional.empty();
        return files.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    /** This manifest with {@code e} in place of the entry saved under the same name. */
    public FetchManifest with(Entry e) {
        List<Entry> next = new ArrayList<>(files.stream().filter(x -> !x.savedAs().equals(e.savedAs())).toList());
        next.add(e);
        return new FetchManifest(name, kind, repo, revision, commit, hub, fetchedAt, next, generated);
    }

    public FetchManifest withCommit(String c) {
        return c == null || c.equals(commit) ? this : new FetchManifest(name, kind, repo, revision, c, hub, fetchedAt, files, generated);
    }

    public FetchManifest withGenerated(List<String> g) {
        return new FetchManifest(name, kind, repo, revision, commit, hub, fetchedAt, files, g);
    }

    /** Writes it whole or not at all (a temp file moved into place). */
    public void write(Path dir) {
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
