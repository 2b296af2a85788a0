package com.bizcharts.cli;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.IndexPoint;
import com.bizcharts.index.MarketAnalysis;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts index}: the Fear/Greed index per bucket, as CSV or JSON. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "The /biz/ Fear/Greed index (0 extreme fear .. 100 extreme greed) per hour or day, point-in-time. "
                + "'index leadlag' and 'index backtest' set it against a coin's price.",
        subcommands = {IndexLeadLagCommand.class, IndexBacktestCommand.class})
final class IndexCommand implements Callable<Integer> {

    @ParentCommand BizchartsCommand root;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--bucket", defaultValue = "day", description = "hour or day (default ${DEFAULT-VALUE})") String bucket;
    // Not required in picocli's sense: the subcommands would then demand them too; call() checks them instead.
    @Option(names = "--from", paramLabel = "DATE", description = "first day (required)") LocalDate from;
    @Option(names = "--to", paramLabel = "DATE", description = "last day, inclusive (required)") LocalDate to;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE})") String format;
    @Option(names = "--model", paramLabel = "ID", description = "whose predictions (default: the active model)") String model;

    @Override
    public Integer call() {
        Bucket b = Bucket.of(bucket);
        if (from == null || to == null) throw new IllegalArgumentException("index needs --from DATE and --to DATE");
        if (to.isBefore(from)) throw new IllegalArgumentException("--to is before --from");
        if (!format.equals("csv") && !format.equals("json")) throw new IllegalArgumentException("--format must be csv or json");
        var engine = root.existingEngine();
        String modelId = model != null ? model : engine.scoring().activeModel().id();
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        MarketAnalysis.Sentiment s = engine.analysis().marketAnalysis().sentiment(modelId, b, start, end);
        // On stderr: stdout stays plain CSV or JSON for whatever reads it.
        RangeNote.about(s, engine.collecting().threads(), from, to).ifPresent(spec.commandLine().getErr()::println);
        print(s.index(), modelId);
        return 0;
    }

    private void print(List<IndexPoint> points, String modelId) {
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            ObjectMapper json = new ObjectMapper();
            var root = json.createObjectNode().put("model", modelId).put("bucket", bucket);
            ArrayNode arr = root.putArray("points");
            for (IndexPoint p : points) {
                arr.addObject().put("bucket", p.bucket().toString()).put("posts", p.posts())
                        .put("value", round(p.value())).put("sentiment", round(p.sentiment()))
                        .put("bullish_share", round(p.bullishShare())).put("activity", round(p.activity()))
                        .put("balance", round(p.balance())).put("activity_z", round(p.zActivity())).put("sufficient", p.sufficient());
            }
            out.println(root);
        } else {
            out.println("bucket,posts,value,sentiment,bullish_share,activity,balance,activity_z,sufficient");
            for (IndexPoint p : points) {
                out.printf(Locale.ROOT, "%s,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.3f,%s%n", p.bucket(), p.posts(), p.value(), p.sentiment(),
                        p.bullishShare(), p.activity(), p.balance(), p.zActivity(), p.sufficient());
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
