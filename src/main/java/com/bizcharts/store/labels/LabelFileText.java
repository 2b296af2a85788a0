package com.bizcharts.store.labels;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A labels file's bytes as text, strictly: invalid UTF-8 and binary content are errors naming the line, because a
 * lenient decoder would turn them into replacement characters (a label's text silently changed) and a binary file
 * would parse as zero rows. A UTF-8 byte-order mark, as spreadsheet programs write, is dropped.
 */
final class LabelFileText {

    private static final char BOM = '\uFEFF';

    private LabelFileText() {}

    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString();
        // no text format we read has a NUL byte; binary files (a database, an image) nearly always do
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw new IllegalArgumentException(name + " line " + lineOf(bytes, i)
                    + ": binary data (a NUL byte), not a labels file");
        }
        String text = decode(name, bytes);
        return text.isEmpty() || text.charAt(0) != BOM ? text : text.substring(1);
    }

    private static String decode(String name, byte[] bytes) {
        // REPORT, not the default REPLACE: we want the position of the first bad byte, not a U+FFFD in a label
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new IllegalArgumentException(name + " line " + lineOf(bytes, at) + ": not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[at] & 0xFF) + "); save the file as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineOf(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
