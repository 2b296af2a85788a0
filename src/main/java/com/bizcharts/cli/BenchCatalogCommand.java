package com.bizcharts.cli;

import com.bizcharts.collect.live.CatalogParser;
import com.bizcharts.collect.live.CatalogStore;
import com.bizcharts.collect.live.CatalogThread;
import com.bizcharts.collect.live.SampleCatalog;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@code bench catalog}: parse + store of a generated catalog into a scratch database, after warm-up. */
@Command(name = "catalog", description = "Time parsing and storing a generated catalog (target < 50 ms for 150 threads).")
public final class BenchCatalogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--threads", defaultValue = "150", description = "threads in the catalog (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--runs", defaultValue = "30", description = "measured runs after warm-up (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", defaultValue = "20", description = "warm-up runs (default ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public void run() {
        if (threads < 1 || runs < 1 || warmup < 0) throw new IllegalArgumentException("--threads and --runs must be positive");
        PrintWriter out = spec.commandLine().getOut();
        byte[] payload = SampleCatalog.generate(threads, 42);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("bizcharts-bench");
            try (Database db = Database.open(dir.resolve("bench.db"))) {
                CatalogParser parser = new CatalogParser("biz", URI.create("https://i.4cdn.org"));
                CatalogStore store = new CatalogStore(db, new ThreadRepository(db));
                long runId = store.beginRun(Instant.now(), "biz");
                for (int i = 0; i < warmup; i++) once(parser, store, runId, payload);
                double[] ms = new double[runs];
                double[] parseMs = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    parser.parse(payload);
                    parseMs[i] = (System.nanoTime() - start) / 1e6;
                    ms[i] = once(parser, store, runId, payload);
                }
                Arrays.sort(ms);
                Arrays.sort(parseMs);
                out.printf("catalog parse+store, %d threads, %d runs after %d warm-up: median %.1f ms, min %.1f ms, "
                                + "max %.1f ms (target < 50 ms); parse alone: median %.1f ms%n", threads, runs, warmup,
                        ms[ms.length / 2], ms[0], ms[ms.length - 1], parseMs[parseMs.length / 2]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a scratch database: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static double once(CatalogParser parser, CatalogStore store, long runId, byte[] payload) {
        long start = System.nanoTime();
        List<CatalogThread> catalog = parser.parse(payload);
        store.storeCatalog(runId, catalog, Instant.now(), null, 1);
        return (System.nanoTime() - start) / 1e6;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left in the temp dir is harmless
        }
    }
}
