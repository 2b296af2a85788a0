package com.bizcharts.store.labels;

import com.bizcharts.store.Database;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.substring;

/** Counts of human labels: by class, by labeler, by day, and skips. */
public record LabelStats(int rated, int skipped, Map<String, Integer> byClass, Map<String, Integer> byLabeler,
                         Map<String, Integer> byDay) {

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
        return new LabelStats(rated, skipped, byClass, byLabeler, byDay);
    }
}
