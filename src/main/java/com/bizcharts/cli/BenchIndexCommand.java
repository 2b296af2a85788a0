package com.bizcharts.cli;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.FearGreedIndex;
import com.bizcharts.index.IndexPoint;
import com.bizcharts.index.PostSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code bizcharts bench index}: time of the Fear/Greed aggregation over synthetic posts, a year of daily buckets
 * plus the 30-day baseline before it (goal: one million posts in under a second). Reading the store is not timed:
 * this measures the aggregation the dashboard redoes when the range or bucket changes.
 */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Time the Fear/Greed aggregation over synthetic posts.")
final class BenchIndexCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--posts", defaultValue = "1000000", description = "synthetic posts (default ${DEFAULT-VALUE})")
    int posts;

    @Option(names = "--days", defaultValue = "365", description = "reported daily buckets (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--runs", defaultValue = "3", description = "timed runs (default ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() {
        if (posts < 1 || days < 1 || runs < 1) throw new IllegalArgumentException("--posts, --days and --runs must be positive");
        Bucket bucket = Bucket.DAY;
        int baseline = bucket.baselineBuckets();
        int buckets = baseline + days;
        Instant first = Instant.parse("2025-01-01T00:00:00Z");
        long daySeconds = bucket.length().toSeconds();
        List<List<PostSignal>> perBucket = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) perBucket.add(new ArrayList<>());
        SplittableRandom rnd = new SplittableRandom(42); // fixed seed: the same posts every run
        String[] coins = {"BTC", "ETH", "SOL", "LINK"};
        for (int i = 0; i < posts; i++) {
            int b = rnd.nextInt(buckets);
            double bull = rnd.nextDouble(), bear = rnd.nextDouble() * (1 - bull);
            perBucket.get(b).add(new PostSignal(first.getEpochSecond() + b * daySeconds + rnd.nextLong(daySeconds),
                    bear, 1 - bull - bear, bull, 0.4 + 0.6 * rnd.nextDouble(), rnd.nextDouble() * 0.6,
                    rnd.nextInt(300), rnd.nextInt(50), new String[]{coins[rnd.nextInt(coins.length)]}));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            List<IndexPoint> points = FearGreedIndex.compute(bucket, first, perBucket, baseline);
            double ms = (System.nanoTime() - t0) / 1e6;
            out.printf(Locale.ROOT, "run %d: %d posts -> %d daily buckets in %.1f ms%n", run, posts, points.size(), ms);
        }
        return 0;
    }
}
