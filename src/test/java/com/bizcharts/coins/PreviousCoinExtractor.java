package com.bizcharts.coins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extractor as it was before issue 15 (commit f0596ac), frozen so {@link CoinMentionsReport} can show what the
 * common-word rules changed; it reads the list's own {@code word} flags, not {@link CommonWordTickers}. Finds coin
 * mentions in a post. In decreasing confidence:
 * <ol>
 *   <li>cashtags ({@code $LINK}): 0.95, for any listed symbol;</li>
 *   <li>full names ({@code chainlink}, {@code bitcoin cash}): 0.9, longest match wins;</li>
 *   <li>tickers in capitals ({@code BTC}): 0.85; or lower case ({@code btc}) for symbols that are not words: 0.75;</li>
 *   <li>slang aliases ({@code corn}, {@code link marines}): 0.6;</li>
 *   <li>a word-symbol in capitals ({@code LINK}, {@code ONE}) only when the same text has another, surer crypto
 *       mention or crypto vocabulary: 0.55; otherwise nothing (precision over recall).</li>
 * </ol>
 */
final class PreviousCoinExtractor {

    /** A mention as the old extractor gave it: no rule, only a confidence. */
    record Found(String symbol, double confidence, String source) {}

    /** The old extractor over the bundled coin list, each coin a word only where the list says {@code word = true}. */
    static PreviousCoinExtractor overBundledList() {
        try (InputStream in = CoinList.class.getResourceAsStream("/com/bizcharts/config/coins.toml")) {
            List<Coin> coins = new ArrayList<>();
            for (JsonNode c : new TomlMapper().readTree(in).path("coin")) {
                coins.add(new Coin(c.path("symbol").asText().toUpperCase(Locale.ROOT), strings(c.path("names")),
                        strings(c.path("aliases")), c.path("word").asBoolean(false), false));
            }
            return new PreviousCoinExtractor(coins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : arr) if (!s.asText().isBlank()) out.add(s.asText().strip().toLowerCase(Locale.ROOT));
        return out;
    }

    private static final Pattern CASHTAG = Pattern.compile("\\$([A-Za-z][A-Za-z0-9]{0,9})\\b");
    private static final Pattern TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}$])([\\p{L}\\p{N}]+)(?![\\p{L}\\p{N}])");
    private static final Pattern CRYPTO_CONTEXT = Pattern.compile(
            "\\b(coin|coins|token|tokens|crypto|chain|blockchain|defi|altcoin|alts|hodl|staking|stake|wallet|"
                    + "airdrop|pump|dump|moon|mooning|bags|bagholder|ath|dex|cex|binance|coinbase|shitcoin|memecoin)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, Coin> bySymbol = new HashMap<>();
    /** Lower-case phrase to symbol, for names and aliases; matched longest first. */
    private final List<Phrase> phrases = new ArrayList<>();

    /** {@code firstWord}: lower-cased first word; a text without it cannot match, so the regex is not run. */
    private record Phrase(Pattern pattern, String symbol, double confidence, int length, String firstWord) {}

    PreviousCoinExtractor(List<Coin> coins) {
        for (Coin c : coins) {
            bySymbol.put(c.symbol(), c);
            for (String n : c.names()) phrases.add(phrase(n, c.symbol(), 0.9));
            for (String a : c.aliases()) phrases.add(phrase(a, c.symbol(), 0.6));
        }
        phrases.sort((a, b) -> Integer.compare(b.length, a.length));
    }

    private static Phrase phrase(String text, String symbol, double confidence) {
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text).replace(" ", "\\E\\s+\\Q")
                + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new Phrase(p, symbol, confidence, text.length(), foldCase(text.strip().split("\\s+")[0]));
    }

    /** Mentions in a subject and a text, one per coin and source, with the highest confidence found. */
    List<Found> inPost(String subject, String text) {
        List<Found> out = new ArrayList<>(inText(subject, CoinMention.SUBJECT));
        out.addAll(inText(text, CoinMention.TEXT));
        return out;
    }

    /** Mentions in one piece of text; {@code source} is subject, text or image_ocr. */
    List<Found> inText(String text, String source) {
        if (text == null || text.isBlank()) return List.of();
        Map<String, Double> found = new LinkedHashMap<>();
        Matcher m = CASHTAG.matcher(text);
        while (m.find()) {
            Coin c = bySymbol.get(m.group(1).toUpperCase(Locale.ROOT));
            if (c != null) found.merge(c.symbol(), 0.95, Math::max);
        }
        // Names and aliases: blank out what a longer phrase already took ("bitcoin cash" is not also "bitcoin").
        StringBuilder rest = new StringBuilder(text);
        String folded = foldCase(text);
        for (Phrase p : phrases) {
            // ~240 case-insensitive regexes per text were most of a catalog's store time; most never apply.
            if (!folded.contains(p.firstWord)) continue;
            Matcher pm = p.pattern.matcher(rest);
            while (pm.find()) {
                found.merge(p.symbol, p.confidence, Math::max);
                for (int i = pm.start(); i < pm.end(); i++) rest.setCharAt(i, ' ');
            }
        }
        boolean context = !found.isEmpty() || CRYPTO_CONTEXT.matcher(text).find();
        Matcher t = TOKEN.matcher(text);
        while (t.find()) {
            String token = t.group(1);
            String upper = token.toUpperCase(Locale.ROOT);
            Coin c = bySymbol.get(upper);
            if (c == null || upper.length() < 2) continue;
            boolean capitals = token.equals(upper) && token.chars().anyMatch(Character::isLetter);
            if (!c.word()) {
                if (capitals) found.merge(c.symbol(), 0.85, Math::max);
                else if (token.equals(token.toLowerCase(Locale.ROOT))) found.merge(c.symbol(), 0.75, Math::max);
            } else if (capitals && context && upper.length() >= 3) {
                found.merge(c.symbol(), 0.55, Math::max);
            }
        }
        List<Found> mentions = new ArrayList<>();
        found.forEach((symbol, conf) -> mentions.add(new Found(symbol, conf, source)));
        return mentions;
    }

    /**
     * Lower case one char at a time, as the phrase regexes compare (CASE_INSENSITIVE | UNICODE_CASE), so the
     * pre-filter never rejects a text that a phrase would match; String.toLowerCase may change lengths.
     */
    private static String foldCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        return new String(chars);
    }
}
