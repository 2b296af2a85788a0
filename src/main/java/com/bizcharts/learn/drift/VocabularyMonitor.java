package com.bizcharts.learn.drift;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches for new words: /biz/ coins a ticker or a meme a week, and a model trained before it cannot know what
 * it means. Compares recent posts with the vocabulary the active model was trained on; when the share of unknown
 * word occurrences passes the threshold (3 % by default) it reports drift and the most frequent new terms.
 */
public final class VocabularyMonitor {

    public static final double DEFAULT_THRESHOLD = 0.03;
    private static final Pattern WORD = Pattern.compile("\\$?[\\p{L}][\\p{L}\\p{N}']{1,30}");

    private final Set<String> known;
    private final double threshold;
    private final int minTermCount;

    public VocabularyMonitor(Collection<String> trainingTexts, double threshold, int minTermCount) {
        if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("threshold must be in (0, 1)");
        Set<String> vocab = new HashSet<>();
        for (String text : trainingTexts) vocab.addAll(tokens(text));
        this.known = Set.copyOf(vocab);
        this.threshold = threshold;
        this.minTermCount = Math.max(1, minTermCount);
    }

    public VocabularyMonitor(Collection<String> trainingTexts) {
        this(trainingTexts, DEFAULT_THRESHOLD, 3);
    }

    /** Examines a batch of recent posts. */
    public VocabularyReport examine(Collection<String> recentTexts) {
        Map<String, Integer> unknownCounts = new HashMap<>();
        long total = 0, unknown = 0;
        for (String text : recentTexts) {
            for (String token : tokens(text)) {
                total++;
                if (!known.contains(token)) {
                    unknown++;
                    unknownCounts.merge(token, 1, Integer::sum);
                }
            }
        }
        double share = total == 0 ? 0 : (double) unknown / total;
        List<VocabularyReport.Term> newTerms = unknownCounts.entrySet().stream()
                .filter(e -> e.getValue() >= minTermCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(25)
                .map(e -> new VocabularyReport.Term(e.getKey(), e.getValue()))
                .toList();
        return new VocabularyReport(total, unknown, share, threshold, share > threshold, newTerms);
    }

    public int vocabularySize() {
        return known.size();
    }

    static List<String> tokens(String text) {
        if (text == null || text.isEmpty()) return List.of();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group());
        return out;
    }
}
