package com.bizcharts.sentiment.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Labeled perceptual hashes searched by Hamming distance. A linear scan over a long[] is a few microseconds for
 * tens of thousands of images (one XOR and popcount each), simpler and as fast as a BK-tree at this size.
 * Thread-safe: adds and lookups are synchronised on the index.
 */
public final class ImageHashIndex {

    /** A labeled image found near the query, with its distance in bits (0-64). */
    public record Match(String key, String label, long hash, int distance) {}

    private long[] hashes = new long[64];
    private final List<String> keys = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    /** Adds an image under a key (e.g. its file name or post number) with its label. */
    public synchronized void add(String key, String label, long hash) {
        if (keys.size() == hashes.length) hashes = java.util.Arrays.copyOf(hashes, hashes.length * 2);
        hashes[keys.size()] = hash;
        keys.add(key);
        labels.add(label);
    }

    public synchronized int size() {
        return keys.size();
    }

    /** The k nearest entries within maxDistance bits, nearest first (ties in insertion order). */
    public synchronized List<Match> nearest(long hash, int k, int maxDistance) {
        if (k <= 0) throw new IllegalArgumentException("k must be positive, got " + k);
        List<Match> found = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int d = Long.bitCount(hashes[i] ^ hash);
            if (d <= maxDistance) found.add(new Match(keys.get(i), labels.get(i), hashes[i], d));
        }
        found.sort(Comparator.comparingInt(Match::distance));
        return found.size() > k ? List.copyOf(found.subList(0, k)) : List.copyOf(found);
    }

    /** The single nearest entry within maxDistance bits, if any. */
    public Optional<Match> nearest(long hash, int maxDistance) {
        return nearest(hash, 1, maxDistance).stream().findFirst();
    }
}
