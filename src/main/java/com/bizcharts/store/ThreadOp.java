package com.bizcharts.store;

import java.time.Instant;

/**
 * A thread's opening post as the store keeps it, whichever collector found it.
 *
 * @param opHtml        the raw comment HTML as served (null once retention stripped it)
 * @param opTextClean   the comment as plain text, greentext lines kept as {@code >line}
 * @param thumbnailPath path of the downloaded thumbnail relative to the images folder, or null
 */
public record ThreadOp(
        long threadId,
        String board,
        String subject,
        String opHtml,
        String opTextClean,
        String name,
        String tripcode,
        Instant postedAt,
        int replyCount,
        int imageCount,
        ImageFile file,
        String thumbnailPath,
        boolean sticky,
        boolean closed,
        Source source) {

    public enum Source {
        LIVE, WAROSU, IMPORT;

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Source fromDb(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The post's attachment. {@code deleted} posts have no URLs; a post without any attachment has a null file.
     */
    public record ImageFile(String fileName, String ext, Long size, Integer width, Integer height,
                            Integer thumbWidth, Integer thumbHeight, String md5, boolean deleted,
                            String imageUrl, String thumbnailUrl) {

        public static ImageFile deletedFile() {
            return new ImageFile(null, null, null, null, null, null, null, null, true, null, null);
        }

        /** Only still images can feed image features; webm/pdf/swf cannot. */
        public boolean isStillImage() {
            return !deleted && ext != null && switch (ext.toLowerCase(java.util.Locale.ROOT)) {
                case ".jpg", ".jpeg", ".png", ".gif" -> true;
                default -> false;
            };
        }
    }

    /** Subject and text together, as the sentiment models read a post. */
    public String fullText() {
        String s = subject == null ? "" : subject.strip();
        String t = opTextClean == null ? "" : opTextClean.strip();
        if (s.isEmpty()) return t;
        if (t.isEmpty()) return s;
        return s + "\n" + t;
    }

    public ThreadOp withThumbnailPath(String path) {
        return new ThreadOp(threadId, board, subject, opHtml, opTextClean, name, tripcode, postedAt, replyCount,
                imageCount, file, path, sticky, closed, source);
    }
}
