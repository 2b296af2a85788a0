package com.bizcharts.sentiment.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VADER with the /biz/ slang added. Single-word slang overrides VADER's valence ("moon" means money here);
 * multi-word phrases ("we're so back", "it's over", "pink wojak") are first joined into one token so VADER's
 * negation, booster and capitals rules apply to them as to any word. Also reports how many bullish and bearish
 * slang phrases a text holds, a feature the embedded model uses.
 */
public final class BizLexicon {

    private final Vader vaderOnly;
    private final Vader withSlang;
    private final List<Phrase> phrases = new ArrayList<>();
    private final Map<String, Double> slangWords = new HashMap<>();

    /** @param firstWord lower-cased: a text without it cannot match, so the regex is skipped (most texts, most phrases) */
    private record Phrase(Pattern pattern, String token, double valence, String firstWord) {}

    public record Reading(VaderScores vader, VaderScores lexicon, int bullishHits, int bearishHits) {}

    /** VADER + slang scores and the slang phrase counts, without VADER alone: what the models read. */
    public record SlangReading(VaderScores scores, int bullishHits, int bearishHits) {
        static final SlangReading EMPTY = new SlangReading(VaderScores.EMPTY, 0, 0);
    }

    public BizLexicon(Map<String, Double> vaderLexicon, Map<String, Double> slang) {
        this.vaderOnly = new Vader(vaderLexicon);
        Map<String, Double> merged = new HashMap<>(vaderLexicon);
        for (Map.Entry<String, Double> e : slang.entrySet()) {
            String phrase = e.getKey();
            if (phrase.contains(" ")) {
                String token = phrase.replace(' ', '_');
                merged.put(token, e.getValue());
                phrases.add(new Phrase(Pattern.compile("(?<![\\p{L}\\p{N}_'])" + Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q")
                        + "(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE), token, e.getValue(), phrase.substring(0, phrase.indexOf(' ')).toLowerCase(Locale.ROOT)));
            } else {
                merged.put(phrase, e.getValue());
                slangWords.put(phrase, e.getValue());
            }
        }
        phrases.sort((a, b) -> Integer.compare(b.token.length(), a.token.length()));
        this.withSlang = new Vader(Map.copyOf(merged));
    }

    public static BizLexicon load(java.nio.file.Path slangFile) {
        return new BizLexicon(LexiconFiles.vader(), LexiconFiles.slang(slangFile));
    }

    /** VADER alone, comparable with VADER's published outputs. */
    public VaderScores vader(String text) {
        return vaderOnly.score(text);
    }

    public Reading read(String text) {
        if (text == null || text.isBlank()) return new Reading(VaderScores.EMPTY, VaderScores.EMPTY, 0, 0);
        SlangReading slang = slang(text);
        return new Reading(vaderOnly.score(text), slang.scores(), slang.bullishHits(), slang.bearishHits());
    }

    /** As {@link #read} without VADER's own scores, which the models do not use (half the cost). */
    public SlangReading slang(String text) {
        if (text == null || text.isBlank()) return SlangReading.EMPTY;
        String joined = text.replace('\u2019', '\'');
        String low = null;
        int bull = 0, bear = 0;
        for (Phrase p : phrases) {
            if (low == null) low = joined.toLowerCase(Locale.ROOT);
            // the pattern folds ASCII case only, so a match implies the lower-cased text contains its first word
            if (!low.contains(p.firstWord)) continue;
            Matcher m = p.pattern.matcher(joined);
            if (!m.find()) continue;
            StringBuilder out = new StringBuilder(joined.length());
            int last = 0;
            do {
                out.append(joined, last, m.start()).append(p.token);
                last = m.end();
                if (p.valence > 0) bull++;
                else if (p.valence < 0) bear++;
            } while (m.find());
            out.append(joined, last, joined.length());
            joined = out.toString();
            low = null;
        }
        for (String w : Vader.words(joined)) {
            Double v = slangWords.get(w.toLowerCase(Locale.ROOT));
            if (v == null) continue;
            if (v > 0) bull++;
            else if (v < 0) bear++;
        }
        return new SlangReading(withSlang.score(joined), bull, bear);
    }
}
