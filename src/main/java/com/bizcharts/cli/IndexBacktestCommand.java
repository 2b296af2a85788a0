package com.bizcharts.cli;

import com.bizcharts.index.ExtremesBacktest;
import com.bizcharts.index.MarketAnalysis;
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

/** {@code bizcharts index backtest --coin BTC}: trading the extremes, contrarian and momentum, against buy-and-hold. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest long-or-flat on sentiment extremes (contrarian: buy fear, sell greed; momentum: the reverse) "
                + "on the index and on the coin's own sentiment, point-in-time, against buy-and-hold.")
final class IndexBacktestCommand implements Callable<Integer> {

    @ParentCommand IndexCommand index;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin AnalysisOptions options;

    @Option(names = "--fear", defaultValue = "25", description = "extreme fear at or below (default ${DEFAULT-VALUE})") double fear;
    @Option(names = "--greed", defaultValue = "75", description = "extreme greed at or above (default ${DEFAULT-VALUE})") double greed;
    @Option(names = "--fee-bps", defaultValue = "10", description = "fee per side in basis points (default ${DEFAULT-VALUE})") double feeBps;

    @Override
    public Integer call() {
        var loaded = options.load(index.root, 0);
        List<ExtremesBacktest.Result> results = MarketAnalysis.backtests(loaded.sentiment(), loaded.prices(), fear, greed, feeBps,
                options.minMentions);
        PrintWriter out = spec.commandLine().getOut();
        switch (options.format) {
            case "json" -> {
                ObjectMapper json = new ObjectMapper();
                ObjectNode root = json.createObjectNode().put("coin", loaded.prices().coin()).put("bucket", options.bucket)
                        .put("model", loaded.modelId()).put("fear", fear).put("greed", greed).put("fee_bps", feeBps)
                        .put("min_trades", ExtremesBacktest.MIN_TRADES);
                var arr = root.putArray("results");
                for (var r : results) {
                    ObjectNode o = arr.addObject().put("signal", r.signal()).put("rule", r.rule().name().toLowerCase(Locale.ROOT))
                            .put("readings", r.readings()).put("extremes", r.extremes()).put("trades", r.trades().size())
                            .put("open_at_end", r.trades().stream().anyMatch(ExtremesBacktest.Trade::openAtEnd)).put("wins", r.wins())
                            .put("too_few", r.tooFew()).put("exposure", round(r.exposure()));
                    if (!Double.isNaN(r.hitRate())) o.put("hit_rate", round(r.hitRate())).put("mean_return", round(r.meanReturn()));
                    o.put("total_return", round(r.totalReturn()));
                    if (!Double.isNaN(r.buyAndHold())) o.put("buy_and_hold", round(r.buyAndHold()));
                    if (r.first() != null) o.put("from", r.first().toString()).put("to", r.last().toString());
                }
                out.println(root);
            }
            case "csv" -> {
                out.println("signal,rule,readings,extremes,trades,wins,hit_rate,mean_return,total_return,buy_and_hold,exposure,too_few");
                for (var r : results) {
                    out.printf(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%s,%s,%s,%s,%s,%s%n", r.signal(), r.rule().name().toLowerCase(Locale.ROOT),
                            r.readings(), r.extremes(), r.trades().size(), r.wins(), num(r.hitRate(), 4), num(r.meanReturn(), 4),
                            num(r.totalReturn(), 4), num(r.buyAndHold(), 4), num(r.exposure(), 4), r.tooFew());
                }
            }
            default -> {
                out.printf(Locale.ROOT, "%s, %s buckets, model %s: long when extreme (fear <= %.0f, greed >= %.0f), fee %.0f bps a side%n",
                        loaded.prices().coin(), options.bucket, loaded.modelId(), fear, greed, feeBps);
                out.printf(Locale.ROOT, "%-10s %-10s %8s %8s %6s %8s %9s %9s %9s %8s%n", "signal", "rule", "readings", "extremes",
                        "trades", "hit rate", "mean/trd", "total", "buy&hold", "exposure");
                for (var r : results) {
                    out.printf(Locale.ROOT, "%-10s %-10s %8d %8d %6s %8s %9s %9s %9s %8s%s%n", r.signal(), r.rule().name().toLowerCase(Locale.ROOT),
                            r.readings(), r.extremes(), r.trades().size() + (r.trades().stream().anyMatch(ExtremesBacktest.Trade::openAtEnd) ? "*" : ""),
                            pct(r.hitRate()), pct(r.meanReturn()), pct(r.totalReturn()), pct(r.buyAndHold()), pct(r.exposure()),
                            r.tooFew() ? "  too few samples" : "");
                }
                out.println("* one trade still open at the end, valued at the last price. 'too few samples': fewer than "
                        + ExtremesBacktest.MIN_TRADES + " trades, an anecdote rather than evidence.");
            }
        }
        return 0;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
