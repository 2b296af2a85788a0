package com.bizcharts.sentiment.embedded;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/** A feature vector with only its non-zero entries: indices ascending, 0-based. */
public record SparseVector(int[] indices, double[] values) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

    public SparseVector {
        if (indices.length != values.length) throw new IllegalArgumentException("indices and values differ in length");
    }

    public static SparseVector of(SortedMap<Integer, Double> entries) {
        int[] idx = new int[entries.size()];
        double[] val = new double[entries.size()];
        int k = 0;
        for (Map.Entry<Integer, Double> e : entries.entrySet()) {
            idx[k] = e.getKey();
            val[k++] = e.getValue();
        }
        return new SparseVector(idx, val);
    }

    public static SparseVector dense(double[] values) {
        int[] idx = new int[values.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return new SparseVector(idx, values.clone());
    }

    public int size() {
        return indices.length;
    }

    /** This vector followed by {@code other}, whose indices are shifted by {@code offset}. */
    public SparseVector append(SparseVector other, int offset) {
        int n = indices.length;
        int[] idx = Arrays.copyOf(indices, n + other.indices.length);
        double[] val = Arrays.copyOf(values, n + other.values.length);
        for (int i = 0; i < other.indices.length; i++) {
            idx[n + i] = other.indices[i] + offset;
            val[n + i] = other.values[i];
        }
        return new SparseVector(idx, val);
    }
}
