package com.bizcharts.sentiment.ocr.captions;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The caption typeface: Anton (SIL OFL 1.1), a free face drawn after Impact, bundled as the WOFF file of the npm
 * package {@code @fontsource/anton} (see the README beside it). Java reads TrueType, not WOFF, so the file is
 * unwrapped here: WOFF 1.0 is the TrueType tables, each zlib-compressed, behind a header of their own.
 */
public final class CaptionFont {

    static final String RESOURCE = "/com/bizcharts/sentiment/ocr/captions/anton-latin-400-normal.woff";

    private CaptionFont() {}

    /** Anton at 1 pt; derive the size wanted. */
    public static Font anton() {
        try (InputStream in = CaptionFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("caption font missing from the jar: " + RESOURCE);
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(trueType(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("caption font unreadable: " + e.getMessage(), e);
        }
    }

    /** The TrueType (sfnt) file inside a WOFF 1.0 file. */
    static byte[] trueType(byte[] woff) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(woff);
        if (woff.length < 44 || in.getInt(0) != 0x774F4646) throw new IOException("not a WOFF 1.0 file");
        int flavor = in.getInt(4), tables = in.getShort(12) & 0xFFFF;
        int entrySelector = 31 - Integer.numberOfLeadingZeros(tables), searchRange = (1 << entrySelector) * 16;
        byte[][] data = new byte[tables][];
        int[] tags = new int[tables], checksums = new int[tables];
        for (int i = 0; i < tables; i++) {
            int at = 44 + 20 * i;
            tags[i] = in.getInt(at);
            int offset = in.getInt(at + 4), compLength = in.getInt(at + 8), origLength = in.getInt(at + 12);
            checksums[i] = in.getInt(at + 16);
            data[i] = compLength == origLength ? java.util.Arrays.copyOfRange(woff, offset, offset + origLength)
                    : inflate(woff, offset, compLength, origLength);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(12 + 16 * tables);
        head.putInt(flavor).putShort((short) tables).putShort((short) searchRange).putShort((short) entrySelector)
                .putShort((short) (tables * 16 - searchRange));
        int offset = 12 + 16 * tables;
        for (int i = 0; i < tables; i++) {
            head.putInt(tags[i]).putInt(checksums[i]).putInt(offset).putInt(data[i].length);
            offset += (data[i].length + 3) & ~3;
        }
        out.write(head.array());
        for (byte[] d : data) {
            out.write(d);
            out.write(new byte[((d.length + 3) & ~3) - d.length]);
        }
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] woff, int offset, int length, int origLength) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(woff, offset, length);
            byte[] out = new byte[origLength];
            int n = 0;
            while (n < origLength && !inflater.finished()) {
                int k = inflater.inflate(out, n, origLength - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                n += k;
            }
            if (n != origLength) throw new IOException("WOFF table inflates to " + n + " bytes, not " + origLength);
            return out;
        } catch (DataFormatException e) {
            throw new IOException("corrupt WOFF table: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
