package com.bizcharts.index.prices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which id each provider knows a coin by ({@code config/price-ids.toml}; the copy bundled in the jar when the file is
 * absent). A coin of {@code config/coins.toml} without an entry has "no price id": it is charted without a price.
 */
public final class PriceIds {

    /** A coin's ids; any of them may be null where that provider does not list the coin. */
    public record Entry(String symbol, String coingecko, String binance, String coinmarketcap) {}

    private static final String BUNDLED = "/com/bizcharts/config/price-ids.toml";

    private final Map<String, Entry> bySymbol;

    public PriceIds(Map<String, Entry> bySymbol) {
        this.bySymbol = Map.copyOf(bySymbol);
    }

    public static PriceIds load(Path file) {
        try {
            if (file != null && Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return parse(in, file.toString());
                }
            }
            try (InputStream in = PriceIds.class.getResourceAsStream(BUNDLED)) {
                if (in == null) throw new IllegalStateException("bundled price ids missing: " + BUNDLED);
                return parse(in, "bundled price-ids.toml");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read price ids " + file + ": " + e.getMessage());
        }
    }

    static PriceIds parse(InputStream in, String name) throws IOException {
        JsonNode root = new TomlMapper().readTree(in);
        Map<String, Entry> out = new LinkedHashMap<>();
        for (JsonNode c : root.path("coin")) {
            String symbol = c.path("symbol").asText("").strip().toUpperCase(Locale.ROOT);
            if (!symbol.matches("[A-Z0-9]{1,10}")) {
                throw new IllegalArgumentException(name + ": coin symbol '" + symbol + "' must be 1-10 letters or digits");
            }
            Entry e = new Entry(symbol, text(c, "coingecko"), text(c, "binance"), text(c, "coinmarketcap"));
            if (e.coingecko() == null && e.binance() == null && e.coinmarketcap() == null) {
                throw new IllegalArgumentException(name + ": " + symbol + " names no provider id");
            }
            if (e.coinmarketcap() != null && !e.coinmarketcap().matches("\\d+")) {
                throw new IllegalArgumentException(name + ": " + symbol + " coinmarketcap id must be a number, got '" + e.coinmarketcap() + "'");
            }
            if (out.put(symbol, e) != null) throw new IllegalArgumentException(name + ": " + symbol + " is listed twice");
        }
        return new PriceIds(out);
    }

    private static String text(JsonNode c, String field) {
        JsonNode v = c.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    public Optional<Entry> find(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol.strip().toUpperCase(Locale.ROOT)));
    }

    /** The entry, or a clear error naming the file to edit. */
    public Entry require(String symbol) {
        return find(symbol).orElseThrow(() -> new IllegalArgumentException(
                symbol.toUpperCase(Locale.ROOT) + ": no price id (add it to config/price-ids.toml)"));
    }

    /** Of these coins, those without an entry. */
    public List<String> missing(List<String> symbols) {
        return symbols.stream().filter(s -> find(s).isEmpty()).toList();
    }

    public int size() {
        return bySymbol.size();
    }
}
