package com.bizcharts.learn.pseudo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Cheap, label-preserving text noise for pseudo-labeled posts (the "weak augmentation" of FixMatch): drop a few
 * words and swap a few neighbours. Negations and the words around them are never touched, because dropping
 * "not" flips the sentiment the label claims. Seeded, so a training set can be rebuilt exactly.
 */
public final class TextAugmenter {

    private static final java.util.Set<String> PROTECTED = java.util.Set.of(
            "not", "no", "never", "nor", "none", "nothing", "don't", "dont", "isn't", "isnt", "won't", "wont",
            "can't", "cant", "ain't", "aint", "didn't", "didnt", "but");

    private final double dropRate;
    private final double swapRate;

    public TextAugmenter(double dropRate, double swapRate) {
        this.dropRate = dropRate;
        this.swapRate = swapRate;
    }

    public static TextAugmenter standard() {
        return new TextAugmenter(0.1, 0.1);
    }

    public String augment(String text, long seed) {
        if (text == null || text.isBlank()) return text;
        Random rnd = new Random(seed);
        List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
        boolean[] guard = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            if (PROTECTED.contains(words.get(i).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z']", ""))) {
                for (int j = Math.max(0, i - 1); j <= Math.min(words.size() - 1, i + 2); j++) guard[j] = true;
            }
        }
        List<String> kept = new ArrayList<>();
        List<Boolean> keptGuard = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!guard[i] && words.size() > 3 && rnd.nextDouble() < dropRate) continue;
            kept.add(words.get(i));
            keptGuard.add(guard[i]);
        }
        for (int i = 0; i + 1 < kept.size(); i++) {
            if (!keptGuard.get(i) && !keptGuard.get(i + 1) && rnd.nextDouble() < swapRate) {
                String t = kept.get(i);
                kept.set(i, kept.get(i + 1));
                kept.set(i + 1, t);
                i++;
            }
        }
        return String.join(" ", kept);
    }
}
