package com.bizcharts.collect.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test payloads under src/test/resources/com/bizcharts/collect/live, written in 4chan's real format. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The smallest JPEG header our downloader accepts, plus a marker so files can be told apart. */
    static byte[] jpeg(String marker) {
        byte[] m = marker.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = new byte[4 + m.length];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        System.arraycopy(m, 0, b, 4, m.length);
        return b;
    }
}
