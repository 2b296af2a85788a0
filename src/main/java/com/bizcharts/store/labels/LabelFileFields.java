package com.bizcharts.store.labels;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * One record of a labels file checked field by field (JSON line or CSV row alike), so that what is imported is what
 * the file says: a date that does not exist is an error, not the nearest one.
 */
final class LabelFileFields {

    /**
     * The archive's time format. STRICT with 'uuuu' (the proleptic year: STRICT rejects 'yyyy' without an era) refuses
     * 2025-02-30 instead of resolving it to 2025-02-28 as the default SMART style does.
     */
    static final DateTimeFormatter ARCHIVE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private LabelFileFields() {}

    /** Checks one record; CSV gives every field as text, so numbers are accepted in either form. */
    static LabelFileRow validate(JsonNode n) {
        if (!n.isObject()) throw new IllegalArgumentException("expected an object");
        long id = asLong(n.get("thread_id"), "thread_id");
        if (id <= 0) throw new IllegalArgumentException("thread_id must be positive");
        String postedAt = text(n, "posted_at");
        checkTime(postedAt);
        SentimentLabel label;
        JsonNode rating = n.get("rating");
        if (rating != null && !rating.isNull() && !rating.asText().isBlank()) {
            long r = asLong(rating, "rating");
            // checked as a long: a cast first would read 4294967299 as 3
            if (r < 1 || r > 3) throw new IllegalArgumentException("rating must be 1, 2 or 3, got " + r);
            label = SentimentLabel.ofRating((int) r);
            String word = text(n, "label");
            if (word != null && !word.isBlank() && SentimentLabel.ofWord(word) != label) {
                throw new IllegalArgumentException("rating " + label.rating() + " contradicts label '" + word + "'");
            }
        } else if (text(n, "label") != null) {
            label = SentimentLabel.ofWord(text(n, "label"));
        } else {
            throw new IllegalArgumentException("no rating or label");
        }
        String board = text(n, "board");
        Double lead = null;
        String leadText = text(n, "lead_time_s");
        if (leadText != null && !leadText.isBlank()) {
            try {
                lead = Double.parseDouble(leadText.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("lead_time_s must be a number of seconds, got '" + leadText + "'");
            }
            if (!(lead >= 0) || lead.isInfinite()) throw new IllegalArgumentException("lead_time_s must be 0 or more seconds, got " + leadText);
        }
        String adjudicated = text(n, "adjudicated");
        Boolean adj = adjudicated == null || adjudicated.isBlank() ? null : switch (adjudicated.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("adjudicated must be true or false, got '" + adjudicated + "'");
        };
        return new LabelFileRow(id, board == null || board.isBlank() ? "biz" : board, orEmpty(text(n, "subject")),
                orEmpty(text(n, "text")), postedAt, emptyToNull(text(n, "image_url")), label.rating(), label.word(), lead, adj,
                emptyToNull(text(n, "labeler")));
    }

    private static void checkTime(String postedAt) {
        if (postedAt == null || !postedAt.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("posted_at must look like 2025-10-08 05:57:59");
        }
        try {
            LocalDateTime.parse(postedAt, ARCHIVE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("posted_at '" + postedAt + "' is not a real date and time");
        }
    }

    private static long asLong(JsonNode v, String field) {
        if (v == null || v.isNull()) throw new IllegalArgumentException(field + " is missing");
        if (v.canConvertToLong() && v.isIntegralNumber()) return v.asLong();
        try {
            return Long.parseLong(v.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, got '" + v.asText() + "'");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
