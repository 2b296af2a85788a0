package com.bizcharts.sentiment.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF over word and character n-grams, fitted on the training posts: sublinear tf (1 + ln tf), smooth idf, and
 * each block (words, characters) L2-normalised on its own so long posts and the larger character block do not
 * drown the words.
 */
public final class TfidfVocabulary {

    private final TextNgrams ngrams;
    private final Map<String, Integer> index;
    private final double[] idf;
    private final String[] terms;
    private final boolean[] wordTerm;
    private final TermLookup lookup;

    private TfidfVocabulary(TextNgrams ngrams, Map<String, Integer> index, double[] idf) {
        this.ngrams = ngrams;
        this.index = index;
        this.idf = idf;
        this.terms = new String[idf.length];
        index.forEach((t, i) -> terms[i] = t);
        this.wordTerm = new boolean[terms.length];
        for (int i = 0; i < terms.length; i++) wordTerm[i] = terms[i].startsWith("w:");
        this.lookup = new TermLookup(terms, ngrams);
    }

    /** The term at {@code i}, with its block prefix ({@code w:} or {@code c:}). */
    public String term(int i) {
        return terms[i];
    }

    /** Keeps the terms seen in at least {@code minDf} documents; terms are sorted so the result is deterministic. */
    public static TfidfVocabulary fit(List<String> docs, TextNgrams ngrams, int minDf) {
        return fitCounts(docs.stream().map(ngrams::counts).toList(), ngrams, minDf);
    }

    /** As {@link #fit}, from term counts already computed by {@code ngrams} (training reuses them across folds). */
    public static TfidfVocabulary fitCounts(List<Map<String, Integer>> docs, TextNgrams ngrams, int minDf) {
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Integer> d : docs) for (String term : d.keySet()) df.merge(term, 1, Integer::sum);
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) if (e.getValue() >= minDf) kept.add(e.getKey());
        Collections.sort(kept);
        Map<String, Integer> index = new HashMap<>(kept.size() * 2);
        double[] idf = new double[kept.size()];
        int n = docs.size();
        for (int i = 0; i < kept.size(); i++) {
            index.put(kept.get(i), i);
            idf[i] = Math.log((1.0 + n) / (1.0 + df.get(kept.get(i)))) + 1.0;
        }
        return new TfidfVocabulary(ngrams, index, idf);
    }

    public int dimension() {
        return idf.length;
    }

    public TextNgrams ngrams() {
        return ngrams;
    }

    public SparseVector transform(String doc) {
        return transformCounts(ngrams.counts(doc));
    }

    public SparseVector transformCounts(Map<String, Integer> counts) {
        int[] idx = new int[counts.size()];
        int[] tf = new int[counts.size()];
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i == null) continue;
            idx[n] = i;
            tf[n++] = e.getValue();
        }
        return weigh(idx, tf, n);
    }

    /**
     * The vector of a document and, when given, its subject's words as {@code w:s:} terms: the same as
     * {@code transformCounts} of those counts, found in place by {@link TermLookup} (the scoring hot path).
     */
    public SparseVector transformText(String doc, List<String> subjectWords) {
        TermLookup.Counts c = lookup.count(doc, subjectWords);
        return weigh(c.indices(), c.counts(), c.size());
    }

    /** Sublinear tf times idf, sorted by index, each block L2-normalised. */
    private SparseVector weigh(int[] indices, int[] counts, int n) {
        long[] keys = new long[n];
        // index in the high bits, count in the low bits: a primitive sort by index, no boxing
        for (int k = 0; k < n; k++) keys[k] = ((long) indices[k] << 32) | counts[k];
        Arrays.sort(keys);
        int[] idx = new int[n];
        double[] val = new double[n];
        double wordNorm = 0, charNorm = 0;
        for (int k = 0; k < n; k++) {
            idx[k] = (int) (keys[k] >>> 32);
            val[k] = (1.0 + Math.log((int) keys[k])) * idf[idx[k]];
            if (wordTerm[idx[k]]) wordNorm += val[k] * val[k];
            else charNorm += val[k] * val[k];
        }
        double wn = wordNorm == 0 ? 1 : Math.sqrt(wordNorm), cn = charNorm == 0 ? 1 : Math.sqrt(charNorm);
        for (int k = 0; k < n; k++) val[k] /= wordTerm[idx[k]] ? wn : cn;
        return new SparseVector(idx, val);
    }

    /** One header line with the n-gram ranges, then one {@code term<TAB>idf} line per term in index order. */
    public void write(Writer out) throws IOException {
        out.write("ngrams\t" + ngrams.wordMin() + "\t" + ngrams.wordMax() + "\t" + ngrams.charMin() + "\t"
                + ngrams.charMax() + "\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.length; i++) {
            sb.setLength(0);
            sb.append(terms[i]).append('\t').append(idf[i]).append('\n');
            out.write(sb.toString());
        }
    }

    public static TfidfVocabulary read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null || !header.startsWith("ngrams\t")) throw new IOException("not a vocabulary file");
        String[] h = header.split("\t");
        TextNgrams ngrams = new TextNgrams(Integer.parseInt(h[1]), Integer.parseInt(h[2]), Integer.parseInt(h[3]),
                Integer.parseInt(h[4]));
        Map<String, Integer> index = new HashMap<>();
        List<Double> idf = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            int tab = line.lastIndexOf('\t');
            if (tab < 0) throw new IOException("bad vocabulary line " + (idf.size() + 2));
            index.put(line.substring(0, tab), idf.size());
            idf.add(Double.parseDouble(line.substring(tab + 1)));
        }
        return new TfidfVocabulary(ngrams, index, idf.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
