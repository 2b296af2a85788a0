package com.bizcharts.sentiment.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a post into the terms the TF-IDF block counts: word n-grams ({@code w:}) and character n-grams
 * ({@code c:}) over lower-cased text with whitespace collapsed. Character n-grams catch the board's spelling
 * ("ngmi", "solded", "$PEPE") that a word vocabulary of 900 posts would miss.
 */
public record TextNgrams(int wordMin, int wordMax, int charMin, int charMax) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}$']+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    public TextNgrams {
        if (wordMin < 1 || wordMax < wordMin) throw new IllegalArgumentException("bad word n-gram range");
        if (charMax > 0 && (charMin < 1 || charMax < charMin)) throw new IllegalArgumentException("bad char n-gram range");
    }

    public static TextNgrams standard() {
        return new TextNgrams(1, 2, 1, 4);
    }

    public static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /** Lower-cased word tokens with surrounding apostrophes removed. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(normalise(text));
        while (m.find()) {
            String w = m.group();
            int s = 0, e = w.length();
            while (s < e && w.charAt(s) == '\'') s++;
            while (e > s && w.charAt(e - 1) == '\'') e--;
            if (e > s) out.add(w.substring(s, e));
        }
        return out;
    }

    /** The text the character n-grams run over: normalised, whitespace collapsed, one space at each end. */
    static String charText(String text) {
        return " " + SPACE.matcher(normalise(text)).replaceAll(" ").strip() + " ";
    }

    /** Term counts of one document. */
    public Map<String, Integer> counts(String text) {
        Map<String, Integer> c = new HashMap<>();
        List<String> w = words(text);
        StringBuilder sb = new StringBuilder();
        for (int n = wordMin; n <= wordMax; n++) {
            for (int i = 0; i + n <= w.size(); i++) {
                sb.setLength(0);
                sb.append("w:");
                for (int j = i; j < i + n; j++) {
                    if (j > i) sb.append(' ');
                    sb.append(w.get(j));
                }
                c.merge(sb.toString(), 1, Integer::sum);
            }
        }
        if (charMax > 0) {
            String s = charText(text);
            for (int n = charMin; n <= charMax; n++) {
                for (int i = 0; i + n <= s.length(); i++) c.merge("c:" + s.substring(i, i + n), 1, Integer::sum);
            }
        }
        return c;
    }
}
