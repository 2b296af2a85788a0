package com.bizcharts.store.labels;


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
        String text = LabelFileText.read(file);
        String name = file.getFileName().toString();
        return isCsv(file) ? LabelCsvRows.parse(name, text) : LabelJsonLines.parse(name, text);
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
}
