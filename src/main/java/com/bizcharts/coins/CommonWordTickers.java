package com.bizcharts.coins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The coin tickers that are also common English words ({@code config/common-word-tickers.txt}, bundled in the jar),
 * derived once from the coin list and Debian's wamerican word list by {@code config/common-word-tickers.sh}, so no
 * word list is needed at run time.
 */
public final class CommonWordTickers {

    static final String BUNDLED = "/com/bizcharts/config/common-word-tickers.txt";

    private static final Set<String> SHIPPED = read();

    private CommonWordTickers() {}

    /** The shipped tickers, upper case. */
    public static Set<String> shipped() {
        return SHIPPED;
    }

    static Set<String> parse(InputStream in) throws IOException {
        Set<String> out = new TreeSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) out.add(s.toUpperCase(Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> read() {
        try (InputStream in = CommonWordTickers.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("bundled list missing: " + BUNDLED);
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
