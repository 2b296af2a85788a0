package com.bizcharts.cli;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.index.SyntheticBoard;
import com.bizcharts.store.Database;
import com.bizcharts.store.PriceRepository;
import com.bizcharts.store.ThreadRepository;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code bench index --store PATH}: the dashboard at scale, through SQLite. Generates a board of {@code posts} posts
 * over a year at PATH once (reused when it holds that many), then times the first load of a year of buckets and one
 * live update after predictions for 100 posts land.
 */
final class BenchIndexStore {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final int DAYS = 365;

    private final PrintWriter out;

    BenchIndexStore(PrintWriter out) {
        this.out = out;
    }

    void run(Path file, int posts, Bucket bucket) {
        boolean existed = Files.exists(file);
        try (Database db = Database.open(file)) {
            int held = new ThreadRepository(db).count();
            if (held != posts) {
                if (held != 0) throw new IllegalArgumentException(file + " holds " + held + " posts, not " + posts + ": pass another --store");
                long t0 = System.nanoTime();
                SyntheticBoard.generate(db, posts, START, DAYS, 1);
                out.printf(Locale.ROOT, "generated %d posts over %d days into %s in %.1f s%n", posts, DAYS, file, (System.nanoTime() - t0) / 1e9);
            } else {
                out.printf(Locale.ROOT, "reusing %s (%d posts)%n", file, held);
            }
            if (!existed) out.flush();
            MarketAnalysis analysis = new MarketAnalysis(db, new PriceRepository(db));
            Instant end = START.plus(Duration.ofDays(DAYS));
            HeapGauge heap = new HeapGauge();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int round = 0; round < 3; round++) {
                heap.reset();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                MarketAnalysis.Sentiment first = analysis.sentiment(SyntheticBoard.MODEL_ID, bucket, START, end);
                long t1 = System.nanoTime();
                long c1 = os.getProcessCpuTime();
                long peak = heap.peakBytes();
                long used = heap.usedAfterGcBytes();
                out.printf(Locale.ROOT, "load %d, %d %s buckets: %.0f ms (cpu %.0f ms); heap used after GC %s (holding the result), peak %s%n",
                        round, first.index().size(), bucket.name().toLowerCase(Locale.ROOT), (t1 - t0) / 1e6, (c1 - c0) / 1e6, HeapGauge.mb(used), HeapGauge.mb(peak));
                out.flush();
            }
            out.printf(Locale.ROOT, "process peak resident: %s%n", HeapGauge.mb(HeapGauge.peakResidentBytes()));
        }
    }
}
