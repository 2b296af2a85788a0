package com.bizcharts.store.labels;

import com.bizcharts.store.Database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.substring;

/**
 * Counts of human labels: by class, by labeler, by day, and skips; and the labeling pace from the lead times (how long
 * each post was on screen), by labeler and by day.
 */
public record LabelStats(int rated, int skipped, Map<String, Integer> byClass, Map<String, Integer> byLabeler,
                         Map<String, Integer> byDay, Map<String, Pace> paceByLabeler, Map<String, Pace> paceByDay) {

    /**
     * @param timed         decisions with a measured lead time
     * @param medianSeconds the median lead time
     * @param perHour       decisions per hour of time on screen (3600 over the mean lead time)
     */
    public record Pace(int timed, double medianSeconds, double perHour) {
        static Pace of(List<Long> millis) {
            List<Long> sorted = millis.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            double total = sorted.stream().mapToLong(Long::longValue).sum();
            return new Pace(n, median / 1000, total == 0 ? Double.NaN : n * 3_600_000.0 / total);
        }

        public String describe() {
            return String.format(java.util.Locale.ROOT, "median %.1f s a label, %.0f labels/hour on screen (%d timed)", medianSeconds, perHour, timed);
        }
    }

    public static LabelStats of(Database db) {
        var ctx = db.read();
        Map<String, Integer> byClass = new LinkedHashMap<>();
        for (var l : com.bizcharts.store.labels.SentimentLabel.values()) byClass.put(l.word(), 0);
        ctx.select(TRAINING_LABELS.RATING, count()).from(TRAINING_LABELS).where(TRAINING_LABELS.SKIPPED.eq(0L))
                .groupBy(TRAINING_LABELS.RATING)
                .forEach(r -> byClass.put(com.bizcharts.store.labels.SentimentLabel.ofRating(r.value1().intValue()).word(), r.value2()));
        Map<String, Integer> byLabeler = new LinkedHashMap<>();
        ctx.select(TRAINING_LABELS.LABELER_ID, count()).from(TRAINING_LABELS).groupBy(TRAINING_LABELS.LABELER_ID)
                .orderBy(TRAINING_LABELS.LABELER_ID).forEach(r -> byLabeler.put(r.value1(), r.value2()));
        Map<String, Integer> byDay = new LinkedHashMap<>();
        var day = substring(TRAINING_LABELS.LABELED_AT, 1, 10);
        ctx.select(day, count()).from(TRAINING_LABELS).groupBy(day).orderBy(day)
                .forEach(r -> byDay.put(r.value1(), r.value2()));
        int rated = byClass.values().stream().mapToInt(Integer::intValue).sum();
        int skipped = ctx.fetchCount(TRAINING_LABELS, TRAINING_LABELS.SKIPPED.eq(1L));
        Map<String, List<Long>> leadByLabeler = new TreeMap<>(), leadByDay = new TreeMap<>();
        ctx.select(TRAINING_LABELS.LABELER_ID, day, TRAINING_LABELS.LEAD_TIME_MS).from(TRAINING_LABELS)
                .where(TRAINING_LABELS.LEAD_TIME_MS.isNotNull()).forEach(r -> {
                    leadByLabeler.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value3());
                    leadByDay.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r.value3());
                });
        Map<String, Pace> paceByLabeler = new LinkedHashMap<>(), paceByDay = new LinkedHashMap<>();
        leadByLabeler.forEach((k, v) -> paceByLabeler.put(k, Pace.of(v)));
        leadByDay.forEach((k, v) -> paceByDay.put(k, Pace.of(v)));
        return new LabelStats(rated, skipped, byClass, byLabeler, byDay, paceByLabeler, paceByDay);
    }
}
