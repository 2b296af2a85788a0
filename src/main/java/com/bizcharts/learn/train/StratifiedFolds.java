package com.bizcharts.learn.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Stratified k-fold split with a fixed seed: each fold keeps the label mix, and the same seed gives the same folds. */
public final class StratifiedFolds {

    private StratifiedFolds() {}

    /** @return the held-out indices of each fold */
    public static List<int[]> split(int[] labels, int k, long seed) {
        if (k < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds");
        if (labels.length < k) throw new IllegalArgumentException("cannot split " + labels.length + " posts into " + k + " folds");
        Random random = new Random(seed);
        List<List<Integer>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) folds.add(new ArrayList<>());
        int next = 0;
        for (int c = 0; c < 3; c++) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) if (labels[i] == c) ids.add(i);
            Collections.shuffle(ids, random);
            // continue round-robin across classes so fold sizes differ by at most one
            for (int id : ids) folds.get(next++ % k).add(id);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> f : folds) out.add(f.stream().mapToInt(Integer::intValue).sorted().toArray());
        return out;
    }

    /** Every index not in {@code heldOut}, ascending. */
    public static int[] complement(int size, int[] heldOut) {
        boolean[] out = new boolean[size];
        for (int i : heldOut) out[i] = true;
        int[] rest = new int[size - heldOut.length];
        int c = 0;
        for (int i = 0; i < size; i++) if (!out[i]) rest[c++] = i;
        return rest;
    }
}
