package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.PostInput;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-made features of a post, each scaled to roughly [-1, 1]: lexicon scores, greentext share, capitals,
 * length, questions, exclamations, links, subject presence and coin mentions. They carry what n-grams of 900
 * posts cannot learn: the lexicon's prior knowledge and the shape of the post.
 */
public final class PostTraits {

    /** Feature names in vector order; recorded in the model's metadata. */
    public static final List<String> NAMES = List.of(
            "lexicon_compound", "lexicon_positive", "lexicon_negative", "slang_bullish", "slang_bearish",
            "slang_net", "greentext_share", "capitals_share", "length_log", "has_link", "question_marks",
            "exclamation_marks", "short_post", "subject_present", "coin_mentions");

    private static final Pattern LINK = Pattern.compile("https?://|www\\.|\\.(com|io|org|net|xyz)\\b");
    /** Tickers ($PEPE) and the coins /biz/ names most; the coins package does the full extraction. */
    private static final Pattern COIN = Pattern.compile(
            "\\$[a-z]{2,8}\\b|\\b(btc|bitcoin|eth|ethereum|sol|solana|xrp|link|chainlink|doge|pepe|bnb|ada|xmr|monero)\\b");

    private final LexiconReading.Source lexicon;

    public PostTraits(LexiconReading.Source lexicon) {
        this.lexicon = lexicon;
    }

    public int dimension() {
        return NAMES.size();
    }

    public double[] of(PostInput post) {
        String doc = post.fullText();
        String low = doc.toLowerCase(Locale.ROOT);
        LexiconReading lex = lexicon.read(doc);
        int greentext = 0, lines = 0;
        for (String line : doc.split("\n")) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            lines++;
            if (t.startsWith(">") && !t.startsWith(">>")) greentext++;
        }
        int letters = 0, capitals = 0, questions = 0, exclamations = 0;
        for (int i = 0; i < doc.length(); i++) {
            char ch = doc.charAt(i);
            if (Character.isLetter(ch)) {
                letters++;
                if (Character.isUpperCase(ch)) capitals++;
            } else if (ch == '?') {
                questions++;
            } else if (ch == '!') {
                exclamations++;
            }
        }
        int words = TextNgrams.words(doc).size();
        boolean subject = post.subject() != null && !post.subject().isBlank();
        return new double[] {
                lex.compound(),
                lex.positive(),
                lex.negative(),
                Math.tanh(lex.bullishHits() / 2.0),
                Math.tanh(lex.bearishHits() / 2.0),
                Math.tanh((lex.bullishHits() - lex.bearishHits()) / 2.0),
                lines == 0 ? 0 : (double) greentext / lines,
                letters < 5 ? 0 : (double) capitals / letters,
                Math.log1p(doc.length()) / 8.0,
                LINK.matcher(low).find() ? 1 : 0,
                Math.tanh(questions / 2.0),
                Math.tanh(exclamations / 2.0),
                words <= 3 ? 1 : 0,
                subject ? 1 : 0,
                Math.tanh(count(COIN.matcher(low)) / 2.0),
        };
    }

    private static int count(Matcher m) {
        int c = 0;
        while (m.find()) c++;
        return c;
    }
}
