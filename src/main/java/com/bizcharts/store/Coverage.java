package com.bizcharts.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.substring;

/**
 * Which posting days the store covers, per source, and the gaps: runs of days with no thread at all inside the
 * covered range. What {@code warosu --continue/--backfill} and the Collect view's coverage chart read.
 */
public record Coverage(List<SourceCoverage> sources) {

    public record Gap(LocalDate from, LocalDate to) {
        public long days() { return to.toEpochDay() - from.toEpochDay() + 1; }
    }

    public record SourceCoverage(String source, LocalDate first, LocalDate last, int daysWithThreads, int threads,
                                 List<Gap> gaps, Map<LocalDate, Integer> perDay) {}

    public static Coverage of(Database db) {
        var day = substring(THREAD_OPS.POSTED_AT, 1, 10);
        Map<String, TreeMap<LocalDate, Integer>> perSource = new TreeMap<>();
        db.read().select(THREAD_OPS.SOURCE, day, count()).from(THREAD_OPS).groupBy(THREAD_OPS.SOURCE, day)
                .forEach(r -> perSource.computeIfAbsent(r.value1(), k -> new TreeMap<>())
                        .put(LocalDate.parse(r.value2()), r.value3()));
        List<SourceCoverage> out = new ArrayList<>();
        perSource.forEach((source, days) -> {
            List<Gap> gaps = new ArrayList<>();
            LocalDate prev = null;
            for (LocalDate d : days.keySet()) {
                if (prev != null && d.toEpochDay() - prev.toEpochDay() > 1) gaps.add(new Gap(prev.plusDays(1), d.minusDays(1)));
                prev = d;
            }
            out.add(new SourceCoverage(source, days.firstKey(), days.lastKey(), days.size(),
                    days.values().stream().mapToInt(Integer::intValue).sum(), gaps, days));
        });
        return new Coverage(out);
    }
}
