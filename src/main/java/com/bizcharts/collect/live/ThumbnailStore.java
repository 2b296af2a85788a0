package com.bizcharts.collect.live;

import com.bizcharts.collect.http.BodyCap;
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
 * ({@code {tim}s.jpg}), never from anything a server sent, so no payload can choose where a file lands. A body
 * that is not a JPEG (4chan thumbnails always are; an error page from a proxy is not) is refused, never saved, and
 * so is one over the thumbnail cap (thumbnails are a few kilobytes; a server sending megabytes is not sending one).
 */
public final class ThumbnailStore {

    public enum Outcome { SAVED, ALREADY_PRESENT, GONE, NOT_AN_IMAGE }

    private final PoliteHttp http;
    private final Path imagesDir;
    private final BodyCap cap;

    /** @param cap the most bytes one thumbnail may have */
    public ThumbnailStore(PoliteHttp http, Path imagesDir, BodyCap cap) {
        this.http = http;
        this.imagesDir = imagesDir;
        this.cap = cap;
    }

    /** The path of a thumbnail relative to the images folder. */
    public static String relativePath(String board, long tim) {
        if (tim <= 0) throw new IllegalArgumentException("tim must be positive");
        if (!board.matches("[a-z0-9]{1,10}")) throw new IllegalArgumentException("unexpected board name");
        return board + "/" + tim + "s.jpg";
    }

    /** Whether the thumbnail is on disk already (false for numbers no thumbnail can have). */
    public boolean exists(String board, long tim) {
        try {
            Path target = imagesDir.resolve(relativePath(board, tim));
            return Files.isRegularFile(target) && Files.size(target) > 0;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    public Outcome download(URI url, String board, long tim) throws FetchException, InterruptedException, IOException {
        Path target = imagesDir.resolve(relativePath(board, tim));
        if (Files.isRegularFile(target) && Files.size(target) > 0) return Outcome.ALREADY_PRESENT;
        FetchResult r = http.get(url, cap);
        if (!r.ok()) return Outcome.GONE;
        if (!isJpeg(r.body())) return Outcome.NOT_AN_IMAGE;
        writeAtomically(target, r.body());
        return Outcome.SAVED;
    }

    /** Writes beside the target, then moves it into place: a reader (or a kill) never sees half an image. */
    static void writeAtomically(Path target, byte[] body) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(tmp, body);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isJpeg(byte[] body) {
        // The JPEG start-of-image marker; enough to tell a thumbnail from an HTML error page.
        return body != null && body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xD8;
    }

    public Path imagesDir() {
        return imagesDir;
    }
}
