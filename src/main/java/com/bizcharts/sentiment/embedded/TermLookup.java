package com.bizcharts.sentiment.embedded;

import java.util.Arrays;
import java.util.List;

/**
 * The scoring fast path of the TF-IDF block: finds each n-gram of a post in the vocabulary where it lies in the text,
 * without building a term string or a term-count map (profiling showed those allocations and hash-map merges to be
 * most of the cost of a prediction). Counts exactly what {@link TextNgrams#counts} counts, so the vector is the
 * same to the last bit; training keeps the map form because it reuses the counts across folds.
 */
final class TermLookup {

    /** The vocabulary indices a post touches and how often, in first-seen order. */
    record Counts(int[] indices, int[] counts, int size) {}

    private final char[][] termChars;
    private final TextNgrams ngrams;
    /** Open addressing: slot holds term index + 1, 0 when empty; at most half full. */
    private final int[] table;
    /** The term's hash per slot, so a probe that misses never touches the term string. */
    private final int[] slotHashes;
    private final int mask;
    private final ThreadLocal<Scratch> scratch;

    TermLookup(String[] terms, TextNgrams ngrams) {
        this.termChars = new char[terms.length][];
        for (int i = 0; i < terms.length; i++) termChars[i] = terms[i].toCharArray();
        this.ngrams = ngrams;
        int capacity = Integer.highestOneBit(Math.max(8, terms.length * 2 - 1)) << 1;
        this.table = new int[capacity];
        this.slotHashes = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < terms.length; i++) {
            int h = terms[i].hashCode();
            int slot = spread(h) & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = i + 1;
            slotHashes[slot] = h;
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(terms.length));
    }

    /** The counts of {@code doc}'s word and character n-grams, plus {@code subjectWords} as {@code w:s:} terms. */
    Counts count(String doc, List<String> subjectWords) {
        Scratch s = scratch.get();
        s.clear();
        List<String> words = TextNgrams.words(doc);
        StringBuilder sb = s.builder;
        for (int n = ngrams.wordMin(); n <= ngrams.wordMax(); n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                sb.setLength(0);
                for (int j = i; j < i + n; j++) {
                    if (j > i) sb.append(' ');
                    sb.append(words.get(j));
                }
                s.add(find(WORD, s.chars(sb), 0, sb.length()));
            }
        }
        if (ngrams.charMax() > 0) {
            char[] text = TextNgrams.charText(doc).toCharArray();
            for (int n = ngrams.charMin(); n <= ngrams.charMax(); n++) {
                for (int i = 0; i + n <= text.length; i++) s.add(find(CHAR, text, i, i + n));
            }
        }
        for (String w : subjectWords) s.add(find(SUBJECT, w.toCharArray(), 0, w.length()));
        return new Counts(Arrays.copyOf(s.touched, s.size), s.countsOfTouched(), s.size);
    }

    /** The index of {@code prefix + text[from, to)}, or -1 when it is not in the vocabulary. */
    int find(String prefix, CharSequence text, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) chars[i - from] = text.charAt(i);
        return find(new Prefix(prefix), chars, 0, chars.length);
    }

    /** Hashing and comparing over a char[] rather than through CharSequence: the inner loop of scoring. */
    private int find(Prefix prefix, char[] text, int from, int to) {
        int h = prefix.hash;
        for (int i = from; i < to; i++) h = 31 * h + text[i];
        int length = prefix.chars.length + to - from;
        for (int slot = spread(h) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            if (slotHashes[slot] == h && equal(termChars[table[slot] - 1], length, prefix.chars, text, from, to)) return table[slot] - 1;
        }
        return -1;
    }

    private static boolean equal(char[] t, int length, char[] prefix, char[] text, int from, int to) {
        if (t.length != length) return false;
        int p = prefix.length;
        for (int i = 0; i < p; i++) if (t[i] != prefix[i]) return false;
        for (int i = from; i < to; i++) if (t[p + i - from] != text[i]) return false;
        return true;
    }

    /** A term prefix with its String hash, so the hash of prefix + n-gram continues from it. */
    private record Prefix(char[] chars, int hash) {
        Prefix(String p) {
            this(p.toCharArray(), p.hashCode());
        }
    }

    private static final Prefix WORD = new Prefix("w:");
    private static final Prefix CHAR = new Prefix("c:");
    private static final Prefix SUBJECT = new Prefix("w:s:");

    /**
     * Fibonacci hashing: String hashes of short n-grams are clustered, and with plain {@code h ^ h >>> 16} linear
     * probing took ~9 probes per hit and ~33 per miss on the shipped vocabulary; this takes ~1.4 and ~2.2.
     */
    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 15);
    }

    /** Per-thread counters sized to the vocabulary, cleared through the list of touched entries. */
    private static final class Scratch {
        final int[] counts;
        int[] touched = new int[256];
        int size;
        final StringBuilder builder = new StringBuilder();
        char[] buffer = new char[64];

        /** The builder's characters, in a reused array. */
        char[] chars(StringBuilder sb) {
            if (buffer.length < sb.length()) buffer = new char[sb.length() * 2];
            sb.getChars(0, sb.length(), buffer, 0);
            return buffer;
        }

        Scratch(int dimension) {
            counts = new int[dimension];
        }

        void add(int index) {
            if (index < 0) return;
            if (counts[index]++ == 0) {
                if (size == touched.length) touched = Arrays.copyOf(touched, size * 2);
                touched[size++] = index;
            }
        }

        int[] countsOfTouched() {
            int[] out = new int[size];
            for (int k = 0; k < size; k++) out[k] = counts[touched[k]];
            return out;
        }

        void clear() {
            for (int k = 0; k < size; k++) counts[touched[k]] = 0;
            size = 0;
        }
    }
}
