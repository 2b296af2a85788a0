package com.bizcharts.sentiment.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads VADER's lexicon (bundled with its licence, from vaderSentiment-js), the /biz/ slang file
 * ({@code config/biz-slang.tsv}: phrase, tab, valence from -4 to +4; {@code #} comments) and the market words the
 * embedded model counts ({@code config/biz-market-words.tsv}: phrase, tab, bullish or bearish).
 */
public final class LexiconFiles {

    private static final String VADER = "/com/bizcharts/sentiment/lexicon/vader_lexicon.txt";
    private static final String BUNDLED_SLANG = "/com/bizcharts/config/biz-slang.tsv";
    private static final String BUNDLED_MARKET_WORDS = "/com/bizcharts/config/biz-market-words.tsv";

    /** The market-word lists of {@code config/biz-market-words.tsv}, each in file order (the order matters). */
    public record MarketWords(List<String> bullish, List<String> bearish) {}

    private LexiconFiles() {}

    /** VADER's own lexicon: token to mean valence. A token listed twice keeps its last value, as in the reference. */
    public static Map<String, Double> vader() {
        try (InputStream in = LexiconFiles.class.getResourceAsStream(VADER)) {
            if (in == null) throw new IllegalStateException("VADER lexicon missing from the jar: " + VADER);
            Map<String, Double> m = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.strip().split("\t");
                if (f.length >= 2) m.put(f[0], Double.parseDouble(f[1]));
            }
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slang file at {@code path}, or the bundled copy when it does not exist. */
    public static Map<String, Double> slang(Path path) {
        try {
            if (path != null && Files.isRegularFile(path)) return parseSlang(Files.readAllLines(path, StandardCharsets.UTF_8), path.toString());
            try (InputStream in = LexiconFiles.class.getResourceAsStream(BUNDLED_SLANG)) {
                if (in == null) throw new IllegalStateException("bundled slang lexicon missing: " + BUNDLED_SLANG);
                return parseSlang(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), "bundled biz-slang.tsv");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read slang lexicon " + path + ": " + e.getMessage());
        }
    }

    /** The market-word file at {@code path}, or the bundled copy when it does not exist. */
    public static MarketWords marketWords(Path path) {
        try {
            if (path != null && Files.isRegularFile(path)) return parseMarketWords(Files.readAllLines(path, StandardCharsets.UTF_8), path.toString());
            try (InputStream in = LexiconFiles.class.getResourceAsStream(BUNDLED_MARKET_WORDS)) {
                if (in == null) throw new IllegalStateException("bundled market words missing: " + BUNDLED_MARKET_WORDS);
                return parseMarketWords(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), "bundled biz-market-words.tsv");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read market words " + path + ": " + e.getMessage());
        }
    }

    static MarketWords parseMarketWords(List<String> lines, String name) {
        List<String> bullish = new ArrayList<>(), bearish = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 2 || f[0].isBlank()) throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected phrase<TAB>bullish|bearish");
            String phrase = f[0].strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            switch (f[1].strip().toLowerCase(Locale.ROOT)) {
                case "bullish" -> bullish.add(phrase);
                case "bearish" -> bearish.add(phrase);
                default -> throw new IllegalArgumentException(name + " line " + (i + 1) + ": side must be bullish or bearish, got '" + f[1].strip() + "'");
            }
        }
        if (bullish.isEmpty() || bearish.isEmpty()) throw new IllegalArgumentException(name + ": needs bullish and bearish phrases");
        return new MarketWords(List.copyOf(bullish), List.copyOf(bearish));
    }

    static Map<String, Double> parseSlang(List<String> lines, String name) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length < 2) throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected phrase<TAB>valence");
            double v;
            try {
                v = Double.parseDouble(f[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": valence '" + f[1] + "' is not a number");
            }
            if (v < -4 || v > 4) throw new IllegalArgumentException(name + " line " + (i + 1) + ": valence must be in [-4, 4]");
            m.put(f[0].strip().toLowerCase(Locale.ROOT).replace('\u2019', '\''), v);
        }
        return m;
    }
}
