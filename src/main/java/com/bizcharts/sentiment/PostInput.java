package com.bizcharts.sentiment;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a model sees of one post: its text and, when there is one on disk, its thumbnail.
 *
 * @param image the local image file, or null when the post has none or it was not downloaded
 */
public record PostInput(long threadId, String subject, String text, Path image, int replyCount, Instant postedAt) {

    /**
     * A stored OP as a model reads it: the one mapping for posts the store holds. The thumbnail counts only when its
     * file is on disk under {@code imagesDir} (a row can name one that retention removed).
     */
    public static PostInput of(com.bizcharts.store.ThreadOp op, Path imagesDir) {
        Path image = op.thumbnailPath() == null ? null : imagesDir.resolve(op.thumbnailPath());
        if (image != null && !java.nio.file.Files.isRegularFile(image)) image = null;
        return new PostInput(op.threadId(), op.subject(), op.opTextClean(), image, op.replyCount(), op.postedAt());
    }

    public static PostInput ofText(String subject, String text) {
        return new PostInput(0, subject, text, null, 0, null);
    }

    /** Subject and text as one string, subject first: the subject often carries the sentiment on /biz/. */
    public String fullText() {
        String s = subject == null ? "" : subject.strip();
        String t = text == null ? "" : text.strip();
        if (s.isEmpty()) return t;
        if (t.isEmpty()) return s;
        return s + "\n" + t;
    }
}
