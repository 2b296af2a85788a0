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

    private record Phrase(Pattern pattern, String token, double valence) {}

    public record Reading(VaderScores vader, VaderScores lexicon, int bullishHits, int bearishHits) {}

    public BizLexicon(Map<String, Double> vaderLexicon, Map<String, Double> slang) {
        this.vaderOnly = new Vader(vaderLexicon);
        Map<String, Double> merged = new HashMap<>(vaderLexicon);
        for (Map.Entry<String, Double> e : slang.entrySet()) {
            String phrase = e.getKey();
            if (phrase.contains(" ")) {
                String token = phrase.replace(' ', '_');
                merged.put(token, e.getValue());
                phrases.add(new Phrase(Pattern.compile("(?<![\\p{L}\\p{N}_'])" + Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q")
                        + "(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE), token, e.getValue()));
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
        String normalised = text.replace('\u2019', '\'');
        StringBuilder joined = new StringBuilder(normalised);
        int bull = 0, bear = 0;
        for (Phrase p : phrases) {
            Matcher m = p.pattern.matcher(joined);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (m.find()) {
                out.append(joined, last, m.start()).append(p.token);
                last = m.end();
                if (p.valence > 0) bull++;
                else if (p.valence < 0) bear++;
            }
            out.append(joined.substring(last));
            joined = out;
        }
        for (String w : Vader.words(joined.toString())) {
            Double v = slangWords.get(w.toLowerCase(Locale.ROOT));
            if (v == null) continue;
            if (v > 0) bull++;
            else if (v < 0) bear++;
        }
        return new Reading(vaderOnly.score(text), withSlang.score(joined.toString()), bull, bear);
    }
}
