package com.bizcharts.coins;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crypto context that lets a ticker which is also an English word count when written in capitals. "Next to" means
 * within {@link #WINDOW} words in the same line and sentence, never anywhere in the post: "paid 126 thousand dollars
 * for ONE Bitcoin" talks crypto, but ONE is a number there. The evidence, surest first: a price or an amount
 * ({@code LINK at $12}, {@code $200 LINK}, {@code LINK: 18.15}, {@code 5000 LINK}), another coin joined by a list
 * separator ({@code BTC / QNT / LINK}), market words ({@code LINK dumping}). A word right before another coin is its
 * modifier ({@code ONE Bitcoin}, {@code ONE BTC}) unless it follows a ticker itself ({@code ETH LINK SOL}).
 */
final class WordTickerContext {

    /** Words either side that count as "next to". */
    static final int WINDOW = 3;

    /** A span of the text that is, or may be, a coin mention. */
    record Span(int start, int end) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CURRENCY_NUMBER = Pattern.compile(
            "[$€£]\\s?\\d[\\d,]*(?:\\.\\d+)?"
                    + "|\\d[\\d,]*(?:\\.\\d+)?\\s?(?:[kmb]\\s?)?"
                    + "(?:[$€£]|(?:usd[tc]?|dollars?|bucks|sats|cents?|eur|euros?)(?![\\p{L}\\p{N}]))",
            Pattern.CASE_INSENSITIVE);
    /** {@code LINK: 18.15}, {@code LINK = $20}, {@code LINK @ 14}: the ticker labels a price. */
    private static final Pattern LISTING = Pattern.compile("\\s*[:=@]\\s*[$€£]?\\d");
    /** {@code 5000 LINK}, {@code 10k LINK}: the coin is the unit; years ({@code in 2021 ONE of}) are not amounts. */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(?!(?:19|20)\\d\\d\\s)\\d[\\d,]*(?:\\.\\d+)?[kKmM]?[ \\t]+$");
    private static final Pattern LIST_SEPARATOR = Pattern.compile(
            "[ \\t]*(?:[,/&+|]|,?[ \\t]*(?:and|or|vs\\.?|n|&amp;))[ \\t]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern MULTIPLE = Pattern.compile("\\d+x");
    /**
     * Words about a coin's market and its moves. Not "price(s)", "buy", "sell", "up" or "down": "gas prices",
     * "buy ONE get one free", "ONE DOWN" are their everyday senses.
     */
    private static final Set<String> MARKET = Set.of("pump", "pumps", "pumping", "pumped", "pamp", "dump", "dumps",
            "dumping", "dumped", "moon", "moons", "mooning", "mooned", "ath", "atl", "mcap", "marketcap", "bags",
            "bagholder", "bagholders", "bagholding", "holders", "staking", "staked", "stakers", "airdrop", "airdrops",
            "token", "tokens", "coin", "coins", "chart", "charts", "breakout", "rally", "rallying", "dip", "ytd", "eoy",
            "eod", "bullish", "bearish", "rekt", "fud", "shill", "shills", "shilling", "shilled", "rugged", "rugpull",
            "hodl", "hodling", "hodlers", "whale", "whales", "listing", "delisted", "binance", "coinbase", "kraken",
            "bybit", "sats", "satoshis", "usdt", "usdc", "mainnet", "testnet", "tokenomics", "altcoin", "altcoins",
            "alts", "crypto", "defi", "blockchain", "wallet", "dex", "cex", "memecoin", "shitcoin", "shitcoins",
            "gaining", "bleeding", "crashing", "crashed", "tanking", "tanked", "surging", "decoupling", "decoupled",
            "outperforming", "underperforming", "parabolic");

    private final String text;

    WordTickerContext(String text) {
        this.text = text;
    }

    /** A price or an amount next to the ticker. */
    boolean number(Span t) {
        int from = segmentStart(t.start()), to = segmentEnd(t.end());
        if (LISTING.matcher(text).region(t.end(), to).lookingAt()) return true;
        if (AMOUNT.matcher(text).region(from, t.start()).find()) return true;
        List<Span> right = words(t.end(), to, false), left = words(from, t.start(), true);
        int rightBound = right.isEmpty() ? t.end() : right.getLast().end();
        int leftBound = left.isEmpty() ? t.start() : left.getLast().start();
        Matcher m = CURRENCY_NUMBER.matcher(text).region(t.end(), to);
        if (m.find() && m.start() < rightBound) return true;
        m = CURRENCY_NUMBER.matcher(text).region(from, t.start());
        while (m.find()) if (m.end() > leftBound) return true;
        return false;
    }

    /** Market words next to the ticker. */
    boolean market(Span t) {
        int from = segmentStart(t.start()), to = segmentEnd(t.end());
        for (Span w : words(t.end(), to, false)) if (marketWord(w)) return true;
        for (Span w : words(from, t.start(), true)) if (marketWord(w)) return true;
        return false;
    }

    /** The ticker and a coin mention are a list: joined by a separator, or the ticker follows a ticker on the line. */
    boolean listed(Span t, Span other, boolean otherIsTicker) {
        boolean before = other.end() <= t.start();
        String gap = before ? text.substring(other.end(), t.start()) : t.end() <= other.start()
                ? text.substring(t.end(), other.start()) : null;
        if (gap == null) return false;
        return LIST_SEPARATOR.matcher(gap).matches() || before && otherIsTicker && BLANKS.matcher(gap).matches();
    }

    /** The ticker stands right before the other mention ({@code ONE Bitcoin}): it modifies it. */
    boolean modifies(Span t, Span next) {
        return t.end() < next.start() && BLANKS.matcher(text.substring(t.end(), next.start())).matches();
    }

    private boolean marketWord(Span w) {
        String s = text.substring(w.start(), w.end()).toLowerCase(Locale.ROOT);
        return MARKET.contains(s) || MULTIPLE.matcher(s).matches();
    }

    /** Up to {@link #WINDOW} words between from and to: the first ones, or the last ones (nearest first). */
    private List<Span> words(int from, int to, boolean last) {
        List<Span> all = new ArrayList<>();
        Matcher m = WORD.matcher(text).region(from, to);
        while (m.find()) all.add(new Span(m.start(), m.end()));
        if (!last) return all.subList(0, Math.min(WINDOW, all.size()));
        return all.subList(Math.max(0, all.size() - WINDOW), all.size()).reversed();
    }

    /** Start of the line and sentence holding position at. */
    private int segmentStart(int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || sentenceEnd(i) && i + 1 < at) return i + 1;
        }
        return 0;
    }

    private int segmentEnd(int at) {
        for (int i = at; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || sentenceEnd(i)) return i;
        }
        return text.length();
    }

    private boolean sentenceEnd(int i) {
        char c = text.charAt(i);
        return (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }
}
