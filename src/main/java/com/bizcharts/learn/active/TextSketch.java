package com.bizcharts.learn.active;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small dense picture of a post's words for clustering: signed feature hashing of word unigrams and bigrams
 * into {@code dims} buckets, L2-normalised. It preserves the distances of the n-gram space the embedded model
 * reads (in expectation), at a size k-means can work with.
 */
public final class TextSketch {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}$']+");

    private final int dims;

    public TextSketch(int dims) {
        this.dims = dims;
    }

    public double[] of(String text) {
        double[] v = new double[dims];
        if (text == null) return v;
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        String prev = null;
        while (m.find()) {
            String w = m.group();
            add(v, w);
            if (prev != null) add(v, prev + " " + w);
            prev = w;
        }
        double norm = 0;
        for (double d : v) norm += d * d;
        if (norm > 0) for (int i = 0; i < dims; i++) v[i] /= Math.sqrt(norm);
        return v;
    }

    private void add(double[] v, String feature) {
        int h = feature.hashCode() * 0x9E3779B1;
        v[Math.floorMod(h, dims)] += (h >>> 31) == 0 ? 1 : -1;
    }
}
