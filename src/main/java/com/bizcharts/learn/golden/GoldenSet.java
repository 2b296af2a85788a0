package com.bizcharts.learn.golden;

import com.bizcharts.store.Database;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.labels.SentimentLabel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The frozen test set: human-labeled posts set aside once, never trained on by the learning loop, on which every
 * candidate model is measured before it may replace the active one. Frozen means frozen: posts are only ever added
 * (when the set is topped up from new labels), never swapped, so scores stay comparable across retrains. A model
 * trained elsewhere may have seen some of them (the shipped default saw every shared label), so a verdict counts only
 * the golden posts neither model was trained on ({@code learn.retrain.UnseenGolden}).
 */
public final class GoldenSet {

    public static final double DEFAULT_FRACTION = 0.2;

    private final GoldenSetRepository golden;
    private final LabelRepository labels;
    private final Clock clock;

    public GoldenSet(Database db, Clock clock) {
        this.golden = new GoldenSetRepository(db);
        this.labels = new LabelRepository(db);
        this.clock = clock;
    }

    public Set<Long> threadIds() {
        return golden.threadIds();
    }

    /**
     * Tops the set up to {@code fraction} of all human-rated posts, stratified by the (majority) human label and
     * seeded, choosing only among posts not yet in it. Returns how many posts were added.
     */
    public int freeze(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("fraction must be in (0, 1)");
        Map<Long, SentimentLabel> rated = ratedPosts();
        Set<Long> frozen = threadIds();
        Map<SentimentLabel, List<Long>> candidates = new EnumMap<>(SentimentLabel.class);
        Map<SentimentLabel, Integer> have = new EnumMap<>(SentimentLabel.class);
        Map<SentimentLabel, Integer> total = new EnumMap<>(SentimentLabel.class);
        rated.forEach((id, label) -> {
            total.merge(label, 1, Integer::sum);
            if (frozen.contains(id)) have.merge(label, 1, Integer::sum);
            else candidates.computeIfAbsent(label, k -> new ArrayList<>()).add(id);
        });
        Random rnd = new Random(seed);
        List<Long> add = new ArrayList<>();
        for (SentimentLabel label : SentimentLabel.values()) {
            int want = (int) Math.round(total.getOrDefault(label, 0) * fraction) - have.getOrDefault(label, 0);
            List<Long> pool = candidates.getOrDefault(label, new ArrayList<>());
            Collections.sort(pool);
            Collections.shuffle(pool, rnd);
            add.addAll(pool.subList(0, Math.max(0, Math.min(want, pool.size()))));
        }
        golden.add(add, clock.instant());
        return add.size();
    }

    /** Each human-rated post with its majority rating (ties go to the most recent label). */
    Map<Long, SentimentLabel> ratedPosts() {
        Map<Long, int[]> votes = new java.util.LinkedHashMap<>();
        Map<Long, Integer> latest = new java.util.HashMap<>();
        for (LabelRepository.Rating r : labels.ratingsNewestFirst()) {
            votes.computeIfAbsent(r.threadId(), k -> new int[3])[r.rating() - 1]++;
            latest.putIfAbsent(r.threadId(), r.rating());
        }
        return votes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            int[] v = e.getValue();
            int best = latest.get(e.getKey()) - 1;
            for (int i = 0; i < 3; i++) if (v[i] > v[best]) best = i;
            return SentimentLabel.ofIndex(best);
        }));
    }
}
