package com.bizcharts.collect.live;

import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.FetchResult;
import com.bizcharts.collect.http.PoliteHttp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Thumbnails on disk under the images folder. File names are built from the post's numbers only
 * ({@code {tim}s.jpg}), never from anything a server sent, so no payload can choose where a file lands.
 */
public final class ThumbnailStore {

    public enum Outcome { SAVED, ALREADY_PRESENT, GONE }

    private final PoliteHttp http;
    private final Path imagesDir;

    public ThumbnailStore(PoliteHttp http, Path imagesDir) {
        this.http = http;
        this.imagesDir = imagesDir;
    }

    /** The path of a thumbnail relative to the images folder. */
    public static String relativePath(String board, long tim) {
        if (tim <= 0) throw new IllegalArgumentException("tim must be positive");
        if (!board.matches("[a-z0-9]{1,10}")) throw new IllegalArgumentException("unexpected board name");
        return board + "/" + tim + "s.jpg";
    }

    public Outcome download(URI url, String board, long tim) throws FetchException, InterruptedException, IOException {
        Path target = imagesDir.resolve(relativePath(board, tim));
        if (Files.isRegularFile(target) && Files.size(target) > 0) return Outcome.ALREADY_PRESENT;
        FetchResult r = http.get(url);
        if (!r.ok()) return Outcome.GONE;
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.write(tmp, r.body());
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Outcome.SAVED;
    }

    public Path imagesDir() {
        return imagesDir;
    }
}
