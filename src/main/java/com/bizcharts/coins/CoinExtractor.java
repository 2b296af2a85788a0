package com.bizcharts.coins;

import com.bizcharts.coins.WordTickerContext.Span;
import com.bizcharts.store.ThreadOp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds coin mentions in a post; each mention keeps the {@link MentionRule} that found it and its confidence:
 * <ol>
 *   <li>cashtags ({@code $LINK}), for any listed symbol;</li>
 *   <li>full names ({@code chainlink}, {@code bitcoin cash}), longest match wins;</li>
 *   <li>tickers in capitals ({@code BTC}), or lower case ({@code btc}) for symbols that are not words; trading pairs
 *       ({@code ONE/USDT}, {@code LINKUSDT});</li>
 *   <li>slang aliases ({@code corn}, {@code link marines});</li>
 *   <li>a word-symbol ({@link Coin#word()}) of 3+ letters in capitals: a common English word (ONE, GAS, LINK) only
 *       next to crypto context ({@link WordTickerContext}), one the list marks by hand (SUI, KAS) also in a text that
 *       talks crypto anywhere; otherwise nothing (precision over recall).</li>
 * </ol>
 */
public final class CoinExtractor {

    private static final Pattern CASHTAG = Pattern.compile("\\$([A-Za-z][A-Za-z0-9]{0,9})\\b");
    private static final Pattern TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}$])([\\p{L}\\p{N}]+)(?![\\p{L}\\p{N}])");
    /** {@code ONE/USDT}, {@code LINK-BTC} right after a ticker. */
    private static final Pattern PAIR_QUOTE = Pattern.compile(
            "[/-](?:USDT|USDC|USD|BUSD|FDUSD|BTC|ETH|BNB|SOL|EUR)(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);
    /** Exchange symbols written as one word ({@code ONEUSDT}). */
    private static final List<String> JOINED_QUOTES = List.of("USDT", "USDC", "BUSD", "FDUSD", "PERP");
    private static final Pattern CRYPTO_CONTEXT = Pattern.compile(
            "\\b(coin|coins|token|tokens|crypto|chain|blockchain|defi|altcoin|alts|hodl|staking|stake|wallet|"
                    + "airdrop|pump|dump|moon|mooning|bags|bagholder|ath|dex|cex|binance|coinbase|shitcoin|memecoin)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<MentionRule> TICKER_LIKE = Set.of(MentionRule.CASHTAG, MentionRule.TICKER, MentionRule.PAIR,
            MentionRule.WORD_NUMBER, MentionRule.WORD_LIST, MentionRule.WORD_MARKET, MentionRule.WORD_CRYPTO_POST);

    private final Map<String, Coin> bySymbol = new HashMap<>();
    /** Lower-case phrase to symbol, for names and aliases; matched longest first. */
    private final List<Phrase> phrases = new ArrayList<>();

    /** {@code firstWord}: lower-cased first word; a text without it cannot match, so the regex is not run. */
    private record Phrase(Pattern pattern, String symbol, MentionRule rule, int length, String firstWord) {}

    /** A mention found at a place in the text; {@code rule} is null while a word-ticker waits for its context. */
    private record Hit(String symbol, MentionRule rule, Span span) {}

    public CoinExtractor(List<Coin> coins) {
        for (Coin c : coins) {
            bySymbol.put(c.symbol(), c);
            // A word-ticker listed as its own name or alias ("iota", "vet", "theta") is still the word: the ticker rules decide.
            String self = c.word() ? c.symbol().toLowerCase(Locale.ROOT) : null;
            for (String n : c.names()) if (!n.equals(self)) phrases.add(phrase(n, c.symbol(), MentionRule.NAME));
            for (String a : c.aliases()) if (!a.equals(self)) phrases.add(phrase(a, c.symbol(), MentionRule.ALIAS));
        }
        phrases.sort((a, b) -> Integer.compare(b.length, a.length));
    }

    private static Phrase phrase(String text, String symbol, MentionRule rule) {
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text).replace(" ", "\\E\\s+\\Q")
                + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new Phrase(p, symbol, rule, text.length(), foldCase(text.strip().split("\\s+")[0]));
    }

    /** The collectors' hook: mentions in a thread OP's subject and cleaned text (not its raw HTML). */
    public List<CoinMention> inThread(ThreadOp op) {
        return inPost(op.subject(), op.opTextClean());
    }

    /** Mentions in a subject and a text, one per coin and source, by the surest rule found. */
    public List<CoinMention> inPost(String subject, String text) {
        List<CoinMention> out = new ArrayList<>(inText(subject, CoinMention.SUBJECT));
        out.addAll(inText(text, CoinMention.TEXT));
        return out;
    }

    /** Mentions in one piece of text; {@code source} is subject, text or image_ocr. */
    public List<CoinMention> inText(String text, String source) {
        if (text == null || text.isBlank()) return List.of();
        List<Hit> hits = new ArrayList<>();
        Matcher m = CASHTAG.matcher(text);
        while (m.find()) {
            Coin c = bySymbol.get(m.group(1).toUpperCase(Locale.ROOT));
            if (c != null) hits.add(new Hit(c.symbol(), MentionRule.CASHTAG, new Span(m.start(), m.end())));
        }
        // Names and aliases: blank out what a longer phrase already took ("bitcoin cash" is not also "bitcoin").
        StringBuilder rest = new StringBuilder(text);
        String folded = foldCase(text);
        for (Phrase p : phrases) {
            // ~240 case-insensitive regexes per text were most of a catalog's store time; most never apply.
            if (!folded.contains(p.firstWord)) continue;
            Matcher pm = p.pattern.matcher(rest);
            while (pm.find()) {
                hits.add(new Hit(p.symbol, p.rule, new Span(pm.start(), pm.end())));
                for (int i = pm.start(); i < pm.end(); i++) rest.setCharAt(i, ' ');
            }
        }
        List<Hit> phraseHits = List.copyOf(hits);
        List<Hit> words = new ArrayList<>();
        Matcher t = TOKEN.matcher(text);
        while (t.find()) {
            Hit h = ticker(text, t.group(1), new Span(t.start(), t.end()));
            if (h == null) continue;
            if (h.rule != null) hits.add(h);
            else if (phraseHits.stream().noneMatch(p -> p.span.start() <= h.span.start() && h.span.end() <= p.span.end())) {
                words.add(h); // "ONE" inside "HARMONY ONE" is the name already
            }
        }
        hits.addAll(wordTickers(text, hits, words));
        Map<String, MentionRule> found = new LinkedHashMap<>();
        hits.stream().sorted((a, b) -> Integer.compare(a.span.start(), b.span.start()))
                .forEach(h -> found.merge(h.symbol, h.rule, (x, y) -> x.confidence() >= y.confidence() ? x : y));
        List<CoinMention> mentions = new ArrayList<>();
        found.forEach((symbol, rule) -> mentions.add(new CoinMention(symbol, source, rule)));
        return mentions;
    }

    /** A ticker or trading pair in this token; a word-ticker in capitals comes back without a rule, to be decided. */
    private Hit ticker(String text, String token, Span span) {
        String upper = token.toUpperCase(Locale.ROOT);
        boolean capitals = token.equals(upper) && token.chars().anyMatch(Character::isLetter);
        Coin c = bySymbol.get(upper);
        if (c == null) {
            if (!capitals) return null;
            for (String q : JOINED_QUOTES) {
                Coin base = upper.endsWith(q) ? bySymbol.get(upper.substring(0, upper.length() - q.length())) : null;
                if (base != null) return new Hit(base.symbol(), MentionRule.PAIR, span);
            }
            return null;
        }
        if (capitals && PAIR_QUOTE.matcher(text).region(span.end(), text.length()).lookingAt()) {
            return new Hit(c.symbol(), MentionRule.PAIR, span);
        }
        if (upper.length() < 2) return null;
        if (!c.word()) {
            if (capitals) return new Hit(c.symbol(), MentionRule.TICKER, span);
            return token.equals(token.toLowerCase(Locale.ROOT)) ? new Hit(c.symbol(), MentionRule.TICKER_LOWER, span) : null;
        }
        return capitals && upper.length() >= 3 ? new Hit(c.symbol(), null, span) : null;
    }

    /**
     * Word-tickers in capitals with their context: a number next to them, a coin they are listed with, or market words
     * next to them; one right before another coin modifies it.
     */
    private List<Hit> wordTickers(String text, List<Hit> sure, List<Hit> words) {
        if (words.isEmpty()) return List.of();
        WordTickerContext context = new WordTickerContext(text);
        List<Hit> all = new ArrayList<>(sure);
        all.addAll(words);
        List<Hit> accepted = new ArrayList<>(), open = new ArrayList<>();
        for (Hit w : words) {
            if (modifier(context, w, all)) continue;
            MentionRule rule = context.number(w.span) ? MentionRule.WORD_NUMBER
                    : listed(context, w, sure) ? MentionRule.WORD_LIST
                    : context.market(w.span) ? MentionRule.WORD_MARKET : null;
            if (rule != null) accepted.add(new Hit(w.symbol, rule, w.span));
            else open.add(w);
        }
        // Again while some join, so a list of word-tickers holds together: "LINK, SOL, DOT bags".
        for (boolean grew = true; grew; ) {
            grew = false;
            for (var it = open.iterator(); it.hasNext(); ) {
                Hit w = it.next();
                if (listed(context, w, accepted)) {
                    accepted.add(new Hit(w.symbol, MentionRule.WORD_LIST, w.span));
                    it.remove();
                    grew = true;
                }
            }
        }
        // The list's own word-tickers that are no English words (SUI, KAS) need less: a post that talks crypto.
        boolean cryptoPost = !sure.isEmpty() || !accepted.isEmpty() || CRYPTO_CONTEXT.matcher(text).find();
        for (Hit w : open) {
            if (cryptoPost && !bySymbol.get(w.symbol).commonWord()) {
                accepted.add(new Hit(w.symbol, MentionRule.WORD_CRYPTO_POST, w.span));
            }
        }
        return accepted;
    }

    private static boolean listed(WordTickerContext context, Hit w, List<Hit> others) {
        return others.stream().anyMatch(o -> context.listed(w.span, o.span, TICKER_LIKE.contains(o.rule)));
    }

    /** Right before another coin ({@code ONE Bitcoin}) and not itself right after one ({@code ETH LINK SOL}). */
    private static boolean modifier(WordTickerContext context, Hit w, List<Hit> all) {
        boolean beforeCoin = all.stream().anyMatch(o -> o != w && context.modifies(w.span, o.span));
        return beforeCoin && all.stream().noneMatch(o -> o != w && context.modifies(o.span, w.span));
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
