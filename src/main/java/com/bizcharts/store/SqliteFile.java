package com.bizcharts.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Recognises SQLite files by their contents, not their names, so that an export or any other file we write never
 * replaces a database (ours under another name, or any other): a database starts with "SQLite format 3\0", its
 * write-ahead log with 0x377f0682/3; its -shm and -journal files are known by the database beside them.
 */
public final class SqliteFile {

    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

    private SqliteFile() {}

    /** Whether {@code file} is a SQLite database, its WAL, or a companion file of one. */
    public static boolean isSqlite(Path file) {
        byte[] start = head(file, HEADER.length);
        if (Arrays.equals(start, HEADER)) return true;
        if (start.length >= 4 && (start[0] & 0xFF) == 0x37 && (start[1] & 0xFF) == 0x7F && (start[2] & 0xFF) == 0x06
                && ((start[3] & 0xFF) == 0x82 || (start[3] & 0xFF) == 0x83)) return true;
        String name = file.getFileName().toString();
        for (String suffix : COMPANIONS) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                Path db = file.resolveSibling(name.substring(0, name.length() - suffix.length()));
                if (Arrays.equals(head(db, HEADER.length), HEADER)) return true;
            }
        }
        return false;
    }

    private static byte[] head(Path file, int n) {
        if (!Files.isRegularFile(file)) return new byte[0];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            return new byte[0];  // unreadable: then it is not ours to recognise, and writing will say why
        }
    }
}
