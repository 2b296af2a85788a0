package com.bizcharts.store.labels;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes labels files: JSON lines ({@code .jsonl}) or CSV ({@code .csv}, same columns). Reading is
 * all-or-nothing: a bad line is an error naming the line, so an import never silently drops a label. Writing goes
 * to a temporary file first, so a crash never leaves half an export behind.
 */
public final class LabelFiles {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(LabelFileRow.class).withHeader();

    private LabelFiles() {}

    public static List<LabelFileRow> read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("labels file not found: " + file);
        return isCsv(file) ? readCsv(file) : readJsonLines(file);
    }

    public static void write(Path file, List<LabelFileRow> rows) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            if (isCsv(file)) {
                CSV.writer(CSV_SCHEMA).writeValue(tmp.toFile(), rows);
            } else {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    for (LabelFileRow row : rows) {
                        w.write(JSON.writeValueAsString(row));
                        w.write('\n');
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static List<LabelFileRow> readJsonLines(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        List<LabelFileRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                rows.add(validate(JSON.readTree(lines.get(i))));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + ": not valid JSON");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return rows;
    }

    private static List<LabelFileRow> readCsv(Path file) {
        List<LabelFileRow> rows = new ArrayList<>();
        try (var it = CSV.readerFor(JsonNode.class).with(CsvSchema.emptySchema().withHeader()).<JsonNode>readValues(file.toFile())) {
            int line = 1;
            while (it.hasNext()) {
                line++;
                JsonNode n = it.next();
                try {
                    rows.add(validate(n));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file.getFileName() + " row " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException("cannot read " + file.getFileName() + " as CSV: " + e.getMessage());
        }
        return rows;
    }

    /** Checks one record; CSV gives every field as text, so numbers are accepted in either form. */
    static LabelFileRow validate(JsonNode n) {
        if (!n.isObject()) throw new IllegalArgumentException("expected an object");
        long id = asLong(n.get("thread_id"), "thread_id");
        if (id <= 0) throw new IllegalArgumentException("thread_id must be positive");
        String postedAt = text(n, "posted_at");
        if (postedAt == null || !postedAt.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("posted_at must look like 2025-10-08 05:57:59");
        }
        SentimentLabel label;
        JsonNode rating = n.get("rating");
        if (rating != null && !rating.isNull() && !rating.asText().isBlank()) {
            label = SentimentLabel.ofRating((int) asLong(rating, "rating"));
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
        return new LabelFileRow(id, board == null || board.isBlank() ? "biz" : board, orEmpty(text(n, "subject")),
                orEmpty(text(n, "text")), postedAt, emptyToNull(text(n, "image_url")), label.rating(), label.word());
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
