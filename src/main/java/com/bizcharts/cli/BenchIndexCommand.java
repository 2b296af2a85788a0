package com.bizcharts.cli;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.BucketTotals;
import com.bizcharts.index.CoinSentiment;
import com.bizcharts.index.FearGreedIndex;
import com.bizcharts.index.PostSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code bench index}: aggregation of one million posts over a year of daily buckets (bucket totals, index and
 * per-coin), in memory after warm-up. Target: under 1 s. With {@code --store PATH} the dashboard's path through SQLite
 * instead: first load and live update of a generated year ({@link BenchIndexStore}).
 */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Time the Fear/Greed and per-coin aggregation of 1M posts.")
final class BenchIndexCommand implements Callable<Integer> {

    @ParentCommand BenchCommand bench;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--posts", defaultValue = "1000000") int posts;

    @Option(names = "--store", paramLabel = "PATH",
            description = "measure through SQLite: generate a board of --posts posts over a year at PATH once (reused after), "
                    + "then time the dashboard's first load and its live updates")
    Path store;

    @Option(names = "--bucket", defaultValue = "day", description = "with --store: hour or day (default ${DEFAULT-VALUE})") String bucket;

    @Override
    public Integer call() {
        if (store != null) {
            new BenchIndexStore(spec.commandLine().getOut()).run(bench.root.settings(), store, posts, Bucket.of(bucket));
            return 0;
        }
        Random rnd = new Random(1);
        String[][] coinSets = {{}, {"BTC"}, {"ETH"}, {"LINK"}, {"BTC", "ETH"}, {"SOL"}, {}, {}};
        List<List<PostSignal>> perBucket = new ArrayList<>();
        for (int d = 0; d < 365 + 30; d++) perBucket.add(new ArrayList<>());
        for (int i = 0; i < posts; i++) {
            double a = rnd.nextDouble(), b = rnd.nextDouble() * (1 - a);
            perBucket.get(rnd.nextInt(perBucket.size())).add(new PostSignal(i, a, b, 1 - a - b, 0.5 + rnd.nextDouble() / 2,
                    rnd.nextDouble() * 0.6, rnd.nextInt(200), rnd.nextInt(50), coinSets[rnd.nextInt(coinSets.length)]));
        }
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            List<BucketTotals> totals = perBucket.stream().map(BucketTotals::of).toList();
            var points = FearGreedIndex.compute(Bucket.DAY, start, totals, 30);
            var coins = CoinSentiment.compute(Bucket.DAY, start, totals);
            long t = System.nanoTime() - t0;
            if (round >= 2) best = Math.min(best, t);
            if (points.size() != 365 || coins.isEmpty()) throw new IllegalStateException("unexpected result");
        }
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%d posts, 365 daily buckets + 30-day baseline: index + per-coin aggregation %.1f ms (best of 3 after warm-up; target < 1000 ms)%n",
                posts, best / 1e6);
        return 0;
    }
}
