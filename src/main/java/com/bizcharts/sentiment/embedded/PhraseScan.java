package com.bizcharts.sentiment.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts whole-word occurrences of phrases in a lower-cased text: what the regex
 * {@code (?<![\p{L}\p{N}])(?:p1|p2|...)(?![\p{L}\p{N}])} finds, scanning left to right, trying the phrases in list
 * order at each start and going on after each match, but without testing every phrase at every character (the
 * regex was a fifth of a prediction's cost). Phrases are grouped by first character, keeping their order.
 */
final class PhraseScan {

    private final Map<Character, List<String>> byFirst = new HashMap<>();

    PhraseScan(List<String> phrases) {
        for (String p : phrases) {
            if (p.isEmpty()) throw new IllegalArgumentException("empty phrase");
            byFirst.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(p);
        }
    }

    int count(String text) {
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            List<String> candidates = byFirst.get(text.charAt(i));
            // the regex's look-behind tests the one char before (a supplementary letter's low surrogate is not a
            // letter), its look-ahead the code point after; mirrored exactly so the counts stay the same
            int end = candidates == null || (i > 0 && wordChar(text.charAt(i - 1))) ? -1 : match(text, i, candidates);
            if (end < 0) {
                i++;
            } else {
                count++;
                // an empty match cannot happen (phrases are not empty), so the scan always moves on
                i = end;
            }
        }
        return count;
    }

    /** The end of the first phrase (in order) that matches at {@code i} as a whole word, or -1. */
    private static int match(String text, int i, List<String> candidates) {
        for (String p : candidates) {
            int end = i + p.length();
            if (text.startsWith(p, i) && (end == text.length() || !wordChar(Character.codePointAt(text, end)))) return end;
        }
        return -1;
    }

    /** The regex class {@code [\p{L}\p{N}]}: letters and every kind of number. */
    private static boolean wordChar(int cp) {
        if (Character.isLetter(cp)) return true;
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }
}
