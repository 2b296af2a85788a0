package com.bizcharts.store.labels;


import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.jooq.impl.DSL.count;

/**
 * One labeler's progress: posts labeled today (UTC) and in total, by class, and in the last hour (labels per hour).
 * Skips are counted apart: a skip is not a label, so it never inflates today's count or the rate.
 */
public record LabelProgress(int today, int total, int skipped, Map<SentimentLabel, Integer> byClass, int lastHour,
                            double medianLeadSeconds) {

    /** How many of the labeler's latest timed decisions the median lead time is taken over. */
    static final int PACE_WINDOW = 200;

    public static LabelProgress of(Database db, String labelerId, Instant now) {
        var ctx = db.read();
        var mine = TRAINING_LABELS.LABELER_ID.eq(labelerId);
        String midnight = UtcTime.format(now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC));
        String hourAgo = UtcTime.format(now.minus(Duration.ofHours(1)));
        Map<SentimentLabel, Integer> byClass = new EnumMap<>(SentimentLabel.class);
        for (SentimentLabel l : SentimentLabel.values()) byClass.put(l, 0);
        ctx.select(TRAINING_LABELS.RATING, count()).from(TRAINING_LABELS).where(mine).and(TRAINING_LABELS.SKIPPED.eq(0L))
                .groupBy(TRAINING_LABELS.RATING).forEach(r -> byClass.put(SentimentLabel.ofRating(r.value1().intValue()), r.value2()));
        return new LabelProgress(
                ctx.fetchCount(TRAINING_LABELS, mine.and(TRAINING_LABELS.SKIPPED.eq(0L)).and(TRAINING_LABELS.LABELED_AT.ge(midnight))),
                ctx.fetchCount(TRAINING_LABELS, mine.and(TRAINING_LABELS.SKIPPED.eq(0L))),
                ctx.fetchCount(TRAINING_LABELS, mine.and(TRAINING_LABELS.SKIPPED.eq(1L))),
                byClass,
                ctx.fetchCount(TRAINING_LABELS, mine.and(TRAINING_LABELS.SKIPPED.eq(0L)).and(TRAINING_LABELS.LABELED_AT.ge(hourAgo))),
                median(ctx.select(TRAINING_LABELS.LEAD_TIME_MS).from(TRAINING_LABELS).where(mine).and(TRAINING_LABELS.LEAD_TIME_MS.isNotNull())
                        .orderBy(TRAINING_LABELS.LABELED_AT.desc()).limit(PACE_WINDOW).fetch(TRAINING_LABELS.LEAD_TIME_MS)));
    }

    private static double median(java.util.List<Long> millis) {
        if (millis.isEmpty()) return Double.NaN;
        java.util.List<Long> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 1000;
    }
}
