package com.bizcharts.sentiment.ocr.captions;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well a reader read a caption set, compared after {@link #normalise}: character error rate (edit distance over
 * the true characters, summed over images), word accuracy (true words matched in order, by the longest common
 * subsequence of words, over the true words) and the share of images read exactly.
 */
public final class OcrAccuracy {

    private long edits, characters, wordsMatched, words;
    private int images, exact;

    /** Adds one image: its true text and what was read. */
    public void add(String truth, String read) {
        String t = normalise(truth), r = normalise(read);
        edits += editDistance(t, r);
        characters += t.length();
        List<String> tw = t.isEmpty() ? List.of() : List.of(t.split(" "));
        List<String> rw = r.isEmpty() ? List.of() : List.of(r.split(" "));
        wordsMatched += commonWords(tw, rw);
        words += tw.size();
        images++;
        if (t.equals(r)) exact++;
    }

    public int images() { return images; }

    /** Character error rate: edits / true characters (can pass 1 when a reader invents text). */
    public double characterErrorRate() { return characters == 0 ? 0 : (double) edits / characters; }

    public double wordAccuracy() { return words == 0 ? 0 : (double) wordsMatched / words; }

    public double exactShare() { return images == 0 ? 0 : (double) exact / images; }

    /**
     * Compatibility forms folded (NFKC: full-width letters and punctuation to ASCII), curly quotes straightened,
     * capitals (captions are all capitals; case is not what is measured), whitespace collapsed.
     */
    public static String normalise(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
        return n.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Levenshtein distance over UTF-16 units (captions are ASCII). */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    /** Length of the longest common subsequence of two word lists. */
    static int commonWords(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1], cur = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = x.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev; prev = cur; cur = t;
            Arrays.fill(cur, 0);
        }
        return prev[b.size()];
    }
}
