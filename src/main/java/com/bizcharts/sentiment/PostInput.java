package com.bizcharts.sentiment;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a model sees of one post: its text and, when there is one on disk, its thumbnail.
 *
 * @param image the local image file, or null when the post has none or it was not downloaded
 */
public record PostInput(long threadId, String subject, String text, Path image, int replyCount, Instant postedAt) {

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
