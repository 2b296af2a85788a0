package com.bizcharts.cli;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.index.SyntheticBoard;
import com.bizcharts.store.Database;
import com.bizcharts.store.PriceRepository;
import com.bizcharts.store.ThreadRepository;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * {@code bench index --store PATH}: the dashboard at scale, through SQLite. Generates a board of {@code posts} posts
 * over a year at PATH once (reused when it holds that many), then times the first load of the year's buckets, a
 * second load, and live updates after predictions for 100 posts land: the newest 100 (what live scoring does) and
 * 100 spread over the year (a worst case: a hundred buckets to re-read).
 */
final class BenchIndexStore {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final int DAYS = 365;
    static final int CHANGED = 100;

    private final PrintWriter out;
    private final HeapGauge heap = new HeapGauge();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    BenchIndexStore(PrintWriter out) {
        this.out = out;
    }

    void run(Path file, int posts, Bucket bucket) {
        try (Database db = Database.open(file)) {
            prepare(db, file, posts);
            out.printf(Locale.ROOT, "%d cores, load average %.2f%n", Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
            MarketAnalysis analysis = new MarketAnalysis(db, new PriceRepository(db));
            Instant end = START.plus(Duration.ofDays(DAYS));
            String model = SyntheticBoard.MODEL_ID;
            String buckets = DAYS + " days in " + bucket.name().toLowerCase(Locale.ROOT) + " buckets";

            MarketAnalysis.Sentiment first = measure("first load, " + buckets, () -> analysis.sentiment(model, bucket, START, end));
            measure("second load", () -> analysis.sentiment(model, bucket, START, end));

            long firstId = SyntheticBoard.FIRST_ID;
            List<Long> newest = LongStream.range(firstId + posts - CHANGED, firstId + posts).boxed().toList();
            MarketAnalysis.Sentiment live = update(db, analysis, first, newest, "live update, the newest " + CHANGED + " posts rescored");
            List<Long> spread = LongStream.range(0, CHANGED).map(i -> firstId + i * (posts / CHANGED)).boxed().toList();
            MarketAnalysis.Sentiment last = update(db, analysis, live, spread, "live update, " + CHANGED + " posts spread over the year");
            boolean same = last.equals(analysis.sentiment(model, bucket, START, end));
            out.println("the updated sentiment equals a fresh load: " + (same ? "yes" : "NO"));
            out.printf(Locale.ROOT, "process peak resident: %s%n", HeapGauge.mb(HeapGauge.peakResidentBytes()));
        }
    }

    private void prepare(Database db, Path file, int posts) {
        int held = new ThreadRepository(db).count();
        if (held == posts) {
            out.printf(Locale.ROOT, "reusing %s (%,d posts)%n", file, held);
            return;
        }
        if (held != 0) throw new IllegalArgumentException(file + " holds " + held + " posts, not " + posts + ": pass another --store");
        long t0 = System.nanoTime();
        SyntheticBoard.generate(db, posts, START, DAYS, 1);
        out.printf(Locale.ROOT, "generated %,d posts over %d days into %s in %.1f s%n", posts, DAYS, file, (System.nanoTime() - t0) / 1e9);
    }

    private MarketAnalysis.Sentiment update(Database db, MarketAnalysis analysis, MarketAnalysis.Sentiment previous,
                                            List<Long> changed, String what) {
        SyntheticBoard.rescore(db, changed, changed.get(0));
        return measure(what, () -> analysis.update(previous, SyntheticBoard.MODEL_ID, changed));
    }

    /** Wall and CPU time of one step, the heap it peaked at and what stays used after it (the result held). */
    private MarketAnalysis.Sentiment measure(String what, java.util.function.Supplier<MarketAnalysis.Sentiment> step) {
        heap.reset();
        long cpu = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        MarketAnalysis.Sentiment s = step.get();
        long wall = System.nanoTime() - t0;
        cpu = os.getProcessCpuTime() - cpu;
        long peak = heap.peakBytes();
        out.printf(Locale.ROOT, "%-52s %8.1f ms (cpu %6.0f ms)  heap: peak %s, after GC %s%n", what + ":", wall / 1e6, cpu / 1e6,
                HeapGauge.mb(peak), HeapGauge.mb(heap.usedAfterGcBytes()));
        out.flush();
        return s;
    }
}
