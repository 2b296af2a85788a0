package com.bizcharts.store.labels;


import com.bizcharts.store.SqliteFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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

    /**
     * Refuses a target that must not be replaced: a folder, or a SQLite file (the database itself, given as the export's
     * name by mistake, would otherwise be swapped for JSON lines). Called before anything is read or written.
     */
    public static void checkTarget(Path file) {
        if (Files.isDirectory(file)) throw new IllegalArgumentException("cannot export to " + file + ": it is a folder");
        if (SqliteFile.isSqlite(file)) {
            throw new IllegalArgumentException("refusing to write over " + file + ": it is a SQLite database (choose a .jsonl or .csv file)");
        }
    }

    /**
     * Writes to a temporary file in the target's folder, then moves it into place atomically: a reader (or a crash)
     * sees the old file or the whole new one, never half of it, and a failed export leaves nothing behind.
     */
    public static void write(Path file, List<LabelFileRow> rows) {
        checkTarget(file);
        Path folder = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            // a unique name (two exports to one file must not share a temporary file), created new with the usual
            // permissions: createTempFile's owner-only mode would carry over to the export
            tmp = folder.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
            if (isCsv(file)) {
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                    CSV.writer(CSV_SCHEMA).writeValue(out, rows);
                }
            } else {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
                    for (LabelFileRow row : rows) {
                        w.write(JSON.writeValueAsString(row));
                        w.write('\n');
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) return;
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // best effort: the error being reported matters more than the leftover
        }
    }

    static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
