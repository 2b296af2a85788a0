package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.index.Bucket;
import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.store.SyntheticBoard;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * {@code bench index --store PATH}: the dashboard at scale, through SQLite. Generates a board of {@code posts} posts
 * over a year at PATH once (reused when it holds that many), then times the first load of the year's buckets, a
 * second load, and live updates after predictions for 100 posts land: the newest 100 (what live scoring does, once
 * cold and five times warm) and 100 spread over the year (a worst case: a hundred buckets to re-read).
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

    void run(Settings settings, Path file, int posts, Bucket bucket) {
        prepare(file, posts);
        try (Engine engine = new Engine(settings.withDatabase(file))) {
            out.printf(Locale.ROOT, "%d cores, load average %.2f; heap in use before: %s%n", Runtime.getRuntime().availableProcessors(),
                    os.getSystemLoadAverage(), HeapGauge.mb(heap.usedAfterGcBytes()));
            MarketAnalysis analysis = engine.analysis().marketAnalysis();
            Instant end = START.plus(Duration.ofDays(DAYS));
            String model = SyntheticBoard.MODEL_ID;
            String buckets = DAYS + " days in " + bucket.name().toLowerCase(Locale.ROOT) + " buckets";

            MarketAnalysis.Sentiment first = measure("first load, " + buckets, () -> analysis.sentiment(model, bucket, START, end));
            measure("second load", () -> analysis.sentiment(model, bucket, START, end));
            // what the Dashboard opens on: the newest 90 days
            measure("the dashboard's range, the newest 90 days", () -> analysis.sentiment(model, bucket, end.minus(Duration.ofDays(90)), end));

            long firstId = SyntheticBoard.FIRST_ID;
            List<Long> newest = LongStream.range(firstId + posts - CHANGED, firstId + posts).boxed().toList();
            MarketAnalysis.Sentiment live = update(file, analysis, first, newest, "live update, the newest " + CHANGED + " posts rescored");
            live = again(file, analysis, live, newest);
            List<Long> spread = LongStream.range(0, CHANGED).map(i -> firstId + i * (posts / CHANGED)).boxed().toList();
            MarketAnalysis.Sentiment last = update(file, analysis, live, spread, "live update, " + CHANGED + " posts spread over the year");
            boolean same = last.equals(analysis.sentiment(model, bucket, START, end));
            out.println("the updated sentiment equals a fresh load: " + (same ? "yes" : "NO"));
            out.printf(Locale.ROOT, "process peak resident: %s%n", HeapGauge.mb(HeapGauge.peakResidentBytes()));
        }
    }

    /** The same update five more times, warm, as a dashboard makes it every few seconds while scoring runs. */
    private MarketAnalysis.Sentiment again(Path file, MarketAnalysis analysis, MarketAnalysis.Sentiment previous, List<Long> changed) {
        long[] nanos = new long[5];
        for (int i = 0; i < nanos.length; i++) {
            SyntheticBoard.rescore(file, changed, changed.get(0) + i + 1);
            long t0 = System.nanoTime();
            previous = analysis.update(previous, SyntheticBoard.MODEL_ID, changed);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "%-52s %8.1f ms (min %.1f, max %.1f)%n", "  the same again, median of 5:", nanos[2] / 1e6, nanos[0] / 1e6,
                nanos[4] / 1e6);
        return previous;
    }

    private void prepare(Path file, int posts) {
        long t0 = System.nanoTime();
        if (SyntheticBoard.ensure(file, posts, START, DAYS, 1)) {
            out.printf(Locale.ROOT, "generated %,d posts over %d days into %s in %.1f s%n", posts, DAYS, file, (System.nanoTime() - t0) / 1e9);
        } else {
            out.printf(Locale.ROOT, "reusing %s (%,d posts)%n", file, posts);
        }
    }

    private MarketAnalysis.Sentiment update(Path file, MarketAnalysis analysis, MarketAnalysis.Sentiment previous,
                                            List<Long> changed, String what) {
        SyntheticBoard.rescore(file, changed, changed.get(0));
        return measure(what, () -> analysis.update(previous, SyntheticBoard.MODEL_ID, changed));
    }

    /** Wall and CPU time of one step, the heap it peaked at and what stays used after it (the result held). */
    private MarketAnalysis.Sentiment measure(String what, Supplier<MarketAnalysis.Sentiment> step) {
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
