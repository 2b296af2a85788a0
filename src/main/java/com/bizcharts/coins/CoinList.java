package com.bizcharts.coins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The maintained coin list ({@code config/coins.toml}); the copy bundled in the jar when the file is absent. A coin's
 * ticker is a word ({@link Coin#word()}) when the list says so or it is a {@link CommonWordTickers common English word}.
 */
public final class CoinList {

    private static final String BUNDLED = "/com/bizcharts/config/coins.toml";

    private CoinList() {}

    public static List<Coin> load(Path file) {
        try {
            if (file != null && Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return parse(in, file.toString());
                }
            }
            try (InputStream in = CoinList.class.getResourceAsStream(BUNDLED)) {
                if (in == null) throw new IllegalStateException("bundled coin list missing: " + BUNDLED);
                return parse(in, "bundled coins.toml");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read coin list " + file + ": " + e.getMessage());
        }
    }

    static List<Coin> parse(InputStream in, String name) throws IOException {
        JsonNode root = new TomlMapper().readTree(in);
        List<Coin> coins = new ArrayList<>();
        for (JsonNode c : root.path("coin")) {
            String symbol = c.path("symbol").asText("").strip().toUpperCase(Locale.ROOT);
            if (!symbol.matches("[A-Z0-9]{1,10}")) {
                throw new IllegalArgumentException(name + ": coin symbol '" + symbol + "' must be 1-10 letters or digits");
            }
            coins.add(new Coin(symbol, strings(c.path("names")), strings(c.path("aliases")), c.path("word").asBoolean(false),
                    CommonWordTickers.shipped().contains(symbol)));
        }
        if (coins.isEmpty()) throw new IllegalArgumentException(name + " lists no [[coin]] entries");
        return List.copyOf(coins);
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : arr) if (!s.asText().isBlank()) out.add(s.asText().strip().toLowerCase(Locale.ROOT));
        return List.copyOf(out);
    }
}
