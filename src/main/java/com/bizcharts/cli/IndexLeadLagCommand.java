package com.bizcharts.cli;

import com.bizcharts.index.LeadLag;
import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.index.SignalPoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static com.bizcharts.cli.AnalysisOptions.num;

/** {@code bizcharts index leadlag --coin BTC}: has /biz/ sentiment led the coin's price, and by how much? */
@Command(name = "leadlag", mixinStandardHelpOptions = true,
        description = "Correlation (Pearson, Spearman, with n) of the index and the coin's own sentiment with the coin's "
                + "forward returns over 1h, 24h and 7d, at lags -k..+k buckets. Lag > 0: sentiment came first.")
final class IndexLeadLagCommand implements Callable<Integer> {

    @ParentCommand IndexCommand index;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin AnalysisOptions options;

    @Option(names = "--max-lag", defaultValue = "7", description = "lags from -k to +k buckets (default ${DEFAULT-VALUE})") int maxLag;

    @Override
    public Integer call() {
        if (maxLag < 0 || maxLag > 60) throw new IllegalArgumentException("--max-lag must be 0..60");
        var loaded = options.load(index.root, maxLag);
        List<LeadLag.Cell> cells = MarketAnalysis.leadLag(loaded.sentiment(), loaded.prices(), maxLag, options.minMentions);
        PrintWriter out = spec.commandLine().getOut();
        int indexReadings = SignalPoint.ofIndex(loaded.sentiment().index()).size();
        int coinReadings = SignalPoint.ofCoin(loaded.sentiment().coins(), loaded.prices().coin(), options.minMentions).size();
        switch (options.format) {
            case "json" -> {
                ObjectMapper json = new ObjectMapper();
                ObjectNode root = json.createObjectNode().put("coin", loaded.prices().coin()).put("bucket", options.bucket)
                        .put("model", loaded.modelId()).put("index_readings", indexReadings).put("coin_readings", coinReadings)
                        .put("price_bars", loaded.prices().size()).put("min_independent", LeadLag.MIN_INDEPENDENT);
                var arr = root.putArray("cells");
                for (LeadLag.Cell c : cells) {
                    ObjectNode o = arr.addObject().put("signal", c.signal()).put("horizon", c.horizonLabel()).put("lag", c.lag())
                            .put("n", c.n()).put("n_independent", Math.round(c.nIndependent() * 10) / 10.0).put("too_few", c.tooFew());
                    if (!Double.isNaN(c.pearson())) o.put("pearson", round(c.pearson())).put("spearman", round(c.spearman()));
                    if (!Double.isNaN(c.ciLow())) o.put("ci95_low", round(c.ciLow())).put("ci95_high", round(c.ciHigh()));
                    if (c.note() != null) o.put("note", c.note());
                }
                out.println(root);
            }
            case "csv" -> {
                out.println("signal,horizon,lag,n,n_independent,pearson,spearman,ci95_low,ci95_high,too_few");
                for (LeadLag.Cell c : cells) {
                    out.printf(Locale.ROOT, "%s,%s,%d,%d,%.1f,%s,%s,%s,%s,%s%n", c.signal(), c.horizonLabel(), c.lag(), c.n(),
                            c.nIndependent(), num(c.pearson(), 4), num(c.spearman(), 4), num(c.ciLow(), 4), num(c.ciHigh(), 4), c.tooFew());
                }
            }
            default -> {
                out.printf(Locale.ROOT, "%s vs /biz/ sentiment, %s buckets, model %s: %d index readings, %d %s readings (>= %d mentions), %d price bars%n",
                        loaded.prices().coin(), options.bucket, loaded.modelId(), indexReadings, coinReadings, loaded.prices().coin(),
                        options.minMentions, loaded.prices().size());
                out.printf(Locale.ROOT, "%-10s %-4s %4s %6s %7s %8s %9s  %-17s%n", "signal", "h", "lag", "n", "n_indep", "pearson", "spearman", "95% CI");
                for (LeadLag.Cell c : cells) {
                    String ci = Double.isNaN(c.ciLow()) ? "" : "[" + num(c.ciLow(), 2) + ", " + num(c.ciHigh(), 2) + "]";
                    out.printf(Locale.ROOT, "%-10s %-4s %+4d %6d %7.1f %8s %9s  %-17s%s%n", c.signal(), c.horizonLabel(), c.lag(), c.n(),
                            c.nIndependent(), num(c.pearson(), 3), num(c.spearman(), 3), ci,
                            c.note() != null ? " " + c.note() : c.tooFew() ? " too few samples" : "");
                }
                out.println("lag > 0: the return starts after the reading is known (sentiment leading price); lag < 0: price first.");
                out.println("'too few samples': under " + LeadLag.MIN_INDEPENDENT + " independent pairs (overlapping returns count once per horizon).");
            }
        }
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
