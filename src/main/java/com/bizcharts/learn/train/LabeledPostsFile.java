package com.bizcharts.learn.train;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads labeled posts in the shared JSON-lines format ({@code thread_id, subject, text, posted_at, rating | label},
 * optionally {@code image}: a local image path relative to the file). A bad line is an error naming its line
 * number, never a silently shorter data set.
 */
public final class LabeledPostsFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ARCHIVE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The posts and the SHA-256 of the file's bytes (recorded in model metadata). */
    public record Contents(List<LabeledPost> posts, String sha256) {}

    private LabeledPostsFile() {}

    public static Contents read(Path file) {
        byte[] bytes;
        if (!Files.exists(file)) throw new IllegalArgumentException("labels file " + file + " not found");
        if (Files.isDirectory(file)) throw new IllegalArgumentException("labels file " + file + " is a folder, not a file");
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // the exception's message is often just the path again: say what failed instead
            throw new IllegalArgumentException("cannot read labels file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        List<LabeledPost> posts = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        Path base = file.toAbsolutePath().getParent();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            try {
                posts.add(parse(JSON.readTree(lines[i]), base));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": not valid JSON");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (posts.isEmpty()) throw new IllegalArgumentException("no labeled posts in " + file);
        return new Contents(List.copyOf(posts), sha256(bytes));
    }

    static LabeledPost parse(JsonNode n, Path base) {
        if (!n.isObject()) throw new IllegalArgumentException("expected a JSON object");
        SentimentLabel label;
        if (n.hasNonNull("rating")) {
            if (!n.get("rating").canConvertToInt()) throw new IllegalArgumentException("rating must be 1, 2 or 3");
            label = SentimentLabel.ofRating(n.get("rating").asInt());
        } else if (n.hasNonNull("label")) {
            label = SentimentLabel.ofWord(n.get("label").asText());
        } else {
            throw new IllegalArgumentException("no rating or label");
        }
        String subject = n.path("subject").asText("");
        String text = n.path("text").asText("");
        Path image = n.hasNonNull("image") ? base.resolve(n.get("image").asText()) : null;
        PostInput post = new PostInput(n.path("thread_id").asLong(0), subject, text, image,
                n.path("reply_count").asInt(0), postedAt(n.path("posted_at").asText("")));
        return new LabeledPost(post, label);
    }

    private static Instant postedAt(String s) {
        if (s.isBlank()) return null;
        try {
            return s.contains("T") ? Instant.parse(s) : LocalDateTime.parse(s, ARCHIVE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
