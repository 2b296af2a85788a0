package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;

import com.bizcharts.collect.live.CatalogEntry;
import com.bizcharts.collect.live.CatalogParser;
import com.bizcharts.collect.live.CatalogPoller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench catalog}: parse + store of one 150-thread catalog (10 pages of 15, as 4chan serves), after warm-up,
 * into a scratch database. Target: under 50 ms.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Time parsing and storing a 150-thread catalog.")
final class BenchCatalogCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "30", description = "measured rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Override
    public Integer call() throws Exception {
        byte[] payload = catalog(150).getBytes(StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("bizcharts-bench");
        Path scratch = dir.resolve("settings.toml");
        Files.writeString(scratch, "[paths]\ndatabase = \"" + dir.resolve("bench.db").toString().replace("\\", "/") + "\"\n"
                + "images = \"" + dir.resolve("images").toString().replace("\\", "/") + "\"\n");
        // a scratch engine: the poller's own store path (one transaction: OPs, observations, coins, snapshot, run)
        try (Engine engine = new Engine(Settings.load(scratch, true))) {
            CatalogParser parser = new CatalogParser("biz", URI.create("https://i.4cdn.org"));
            CatalogPoller poller = engine.collecting().catalogPoller();
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 10; i++) poller.store(parser.parse(payload), t.plusSeconds(i * 60L));
            long[] parse = new long[rounds], store = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long a = System.nanoTime();
                List<CatalogEntry> entries = parser.parse(payload);
                long b = System.nanoTime();
                poller.store(entries, t.plusSeconds(3600L + i * 60L));
                long c = System.nanoTime();
                parse[i] = b - a;
                store[i] = c - b;
            }
            var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "catalog of 150 threads (%d KB), %d rounds after 10 warm-up rounds%n", payload.length / 1024, rounds);
            out.printf(Locale.ROOT, "parse:         median %6.2f ms, p95 %6.2f ms%n", ms(parse, 50), ms(parse, 95));
            out.printf(Locale.ROOT, "store (1 tx):  median %6.2f ms, p95 %6.2f ms%n", ms(store, 50), ms(store, 95));
            long[] total = new long[rounds];
            for (int i = 0; i < rounds; i++) total[i] = parse[i] + store[i];
            out.printf(Locale.ROOT, "parse + store: median %6.2f ms, p95 %6.2f ms (target < 50 ms)%n", ms(total, 50), ms(total, 95));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static double ms(long[] nanos, int percentile) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(percentile / 100.0 * s.length) - 1)] / 1e6;
    }

    /** A realistic catalog: greentext, entities, links, cashtags, images, as the live API serves them. */
    static String catalog(int threads) {
        StringBuilder sb = new StringBuilder("[");
        for (int p = 0; p < threads / 15; p++) {
            if (p > 0) sb.append(',');
            sb.append("{\"page\":").append(p + 1).append(",\"threads\":[");
            for (int i = 0; i < 15; i++) {
                long no = 60_000_000L + p * 15L + i;
                long time = 1_768_000_000L + no % 100_000;
                if (i > 0) sb.append(',');
                sb.append("""
                        {"no":%d,"now":"01\\/20\\/26(Tue)08:01:40","name":"Anonymous","sub":"$LINK &amp; $ETH thread %d",\
                        "com":"<span class=\\"quote\\">&gt;tfw bought the top<\\/span><br>we&#039;re so back, BTC to 200k<br>\
                        <a href=\\"#p%d\\" class=\\"quotelink\\">&gt;&gt;%d<\\/a> https:\\/\\/example.com\\/<wbr>chart","filename":"pepe",\
                        "ext":".jpg","w":1024,"h":768,"tn_w":250,"tn_h":187,"tim":%d,"time":%d,"md5":"abcdEFGHijklMNOPqrstUV==",\
                        "fsize":123456,"resto":0,"replies":%d,"images":%d,"bumplimit":0,"imagelimit":0,"last_modified":%d}"""
                        .formatted(no, no, no - 1, no - 1, time * 1000 + 123, time, i * 7, i, time));
            }
            sb.append("]}");
        }
        return sb.append("]").toString();
    }
}
