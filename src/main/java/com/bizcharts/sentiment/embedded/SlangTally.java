package com.bizcharts.sentiment.embedded;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts bullish and bearish /biz/ market words and phrases (wagmi, lfg, buy, pump / ngmi, rekt, sold, dump...)
 * for the embedded model's slang traits. Alone it reports no sentiment scores; {@link #withScoresFrom} pairs its
 * counts with a lexicon's compound/positive/negative. Cross-validated (4 seeds x 5 folds) these counts beat the
 * slang file's own hit counts as traits (macro-F1 0.622 against 0.611 with the same VADER + slang scores): the list
 * includes plain market words (buy, sold, bottom, short) that the slang file leaves to VADER.
 */
public final class SlangTally implements LexiconReading.Source {

    static final List<String> BULLISH = List.of("wagmi", "lfg", "moon", "mooning", "moonshot", "pump", "pumping",
            "pumped", "so back", "we're back", "were back", "we are back", "back on the menu", "green", "ath", "bull",
            "bullish", "bullrun", "bull run", "send it", "sending", "rocket", "lambo", "gmi", "up only", "breakout",
            "rally", "rallying", "it's happening", "ripping", "parabolic", "supercycle", "100x", "10x", "1000x", "gains",
            "going up", "all time high", "buy", "buying", "mooned", "printing", "rich", "gem", "easy money",
            "accumulate", "retire");
    static final List<String> BEARISH = List.of("ngmi", "rekt", "it's over", "its over", "it is over", "over for",
            "cope", "coping", "fud", "dump", "dumping", "dumped", "rug", "rugged", "rugpull", "pink wojak", "bear",
            "bearish", "crash", "crashing", "crashed", "red", "bleeding", "bleed", "capitulation", "capitulate",
            "liquidated", "liquidation", "sell", "selling", "sold", "down", "dead", "dying", "scam", "bagholder",
            "bagholding", "bags", "poor", "lost", "losing", "loss", "bottom", "broke", "suicide", "rope", "ponzi",
            "bubble", "collapse", "zero", "tank", "tanking", "plummet", "nuked", "nuke", "shorting", "short");

    private static final Pattern BULL = alternation(BULLISH);
    private static final Pattern BEAR = alternation(BEARISH);

    private static Pattern alternation(List<String> phrases) {
        StringJoiner j = new StringJoiner("|", "(?<![\\p{L}\\p{N}])(?:", ")(?![\\p{L}\\p{N}])");
        for (String p : phrases) j.add(Pattern.quote(p));
        return Pattern.compile(j.toString());
    }

    /** The lexicon's compound, positive and negative scores with this tally's bullish and bearish counts. */
    public static LexiconReading.Source withScoresFrom(LexiconReading.Source scores) {
        SlangTally tally = new SlangTally();
        return text -> {
            LexiconReading s = scores.read(text);
            LexiconReading t = tally.read(text);
            return new LexiconReading(s.compound(), s.positive(), s.negative(), t.bullishHits(), t.bearishHits());
        };
    }

    @Override
    public LexiconReading read(String text) {
        String low = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return new LexiconReading(0, 0, 0, count(BULL.matcher(low)), count(BEAR.matcher(low)));
    }

    private static int count(Matcher m) {
        int c = 0;
        while (m.find()) c++;
        return c;
    }
}
