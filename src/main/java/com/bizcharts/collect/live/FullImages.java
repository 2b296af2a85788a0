package com.bizcharts.collect.live;

import com.bizcharts.collect.http.BodyCap;
import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.FetchResult;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.store.ThreadOp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A post's full image, fetched when a labeler asks for it (the label view's F) rather than for every post: thumbnails
 * are enough to score and to label, and full images are large. Paced with the thumbnails (4chan's one request a
 * second), capped in size, kept under {@code images/<board>/full/} so a second look costs nothing.
 */
public final class FullImages {

    private final PoliteHttp http;
    private final Path imagesDir;
    private final BodyCap cap;

    public FullImages(PoliteHttp http, Path imagesDir, BodyCap cap) {
        this.http = http;
        this.imagesDir = imagesDir;
        this.cap = cap;
    }

    /** The image on disk, fetched first if need be; a post without one, or a server without it, is a clear error. */
    public Path fetch(ThreadOp op) throws FetchException, InterruptedException, IOException {
        if (op.file() == null || op.file().deleted() || op.file().imageUrl() == null) {
            throw new IllegalArgumentException("post " + op.threadId() + " has no image to fetch");
        }
        String ext = extension(op.file().imageUrl());
        if (!op.board().matches("[a-z0-9]{1,10}")) throw new IllegalArgumentException("unexpected board name");
        Path target = imagesDir.resolve(op.board()).resolve("full").resolve(op.threadId() + ext);
        if (Files.isRegularFile(target) && Files.size(target) > 0) return target;
        FetchResult r = http.get(URI.create(op.file().imageUrl()), cap);
        if (!r.ok()) throw new IOException("the image of post " + op.threadId() + " is gone from " + op.file().imageUrl());
        if (!isImage(r.body())) throw new IOException("what " + op.file().imageUrl() + " sent is not a JPEG, PNG or GIF");
        ThumbnailStore.writeAtomically(target, r.body());
        return target;
    }

    /** The kinds the label view can draw; a video (webm, mp4) has only its thumbnail. */
    static String extension(String url) {
        String path = URI.create(url).getPath();
        String ext = path == null || path.lastIndexOf('.') < 0 ? "" : path.substring(path.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        if (!ext.matches("\\.(jpg|jpeg|png|gif)")) throw new IllegalArgumentException("a " + (ext.isEmpty() ? "file" : ext) + " cannot be shown: its thumbnail is what there is");
        return ext;
    }

    private static boolean isImage(byte[] b) {
        if (b == null || b.length < 4) return false;
        boolean jpeg = (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
        boolean png = (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean gif = b[0] == 'G' && b[1] == 'I' && b[2] == 'F';
        return jpeg || png || gif;
    }
}
