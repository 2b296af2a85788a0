package com.bizcharts.collect.live;

import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.FetchResult;
import com.bizcharts.collect.http.PoliteFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Saves catalog thumbnails ({@code {images}/{board}/{tim}s.jpg}) into the images folder. The local name is built from
 * the number alone, never from a server string, so no payload can choose a path. Files already present are not
 * fetched again; a body that is not a JPEG is refused rather than saved.
 */
public final class ThumbnailDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailDownloader.class);

    private final PoliteFetcher fetcher;
    private final URI imagesBase;
    private final String board;
    private final Path imagesDir;

    public ThumbnailDownloader(PoliteFetcher fetcher, URI imagesBase, String board, Path imagesDir) {
        this.fetcher = fetcher;
        this.imagesBase = imagesBase;
        this.board = board;
        this.imagesDir = imagesDir;
    }

    /** The file name for a thumbnail, relative to the images folder. */
    public static String fileName(long tim) {
        if (tim <= 0) throw new IllegalArgumentException("thumbnail number must be positive: " + tim);
        return tim + "s.jpg";
    }

    /** Whether the thumbnail is already on disk. */
    public boolean isPresent(long tim) {
        return Files.isRegularFile(imagesDir.resolve(fileName(tim)));
    }

    /**
     * Downloads one thumbnail unless present.
     *
     * @return the relative path when the file is on disk afterwards; empty when the server has no such file, failed
     *         or sent something that is not a JPEG (logged)
     */
    public Optional<String> download(long tim) throws InterruptedException {
        String name = fileName(tim);
        Path target = imagesDir.resolve(name);
        if (Files.isRegularFile(target)) return Optional.of(name);
        URI uri = URI.create(imagesBase + "/" + board + "/" + name);
        try {
            FetchResult r = fetcher.get(uri);
            if (!r.isOk()) {
                LOG.info("thumbnail {} not available (HTTP {})", uri, r.status());
                return Optional.empty();
            }
            if (!isJpeg(r.body())) {
                LOG.warn("thumbnail {} is not a JPEG ({} bytes); not saved", uri, r.body().length);
                return Optional.empty();
            }
            Files.createDirectories(imagesDir);
            Path tmp = Files.createTempFile(imagesDir, name, ".part");
            try {
                Files.write(tmp, r.body());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Optional.of(name);
        } catch (FetchException e) {
            LOG.warn("thumbnail {} failed: {}", uri, e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot save thumbnail {}: {}", target, e.toString());
            return Optional.empty();
        }
    }

    private static boolean isJpeg(byte[] body) {
        return body != null && body.length > 3 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xD8
                && (body[2] & 0xFF) == 0xFF;
    }
}
