package com.bizcharts.cli;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.BucketPost;
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
    @Option(names = "--explain", paramLabel = "WHEN", description = "list the posts behind one bucket instead, those that "
            + "moved it most first: a day (YYYY-MM-DD) or an hour (YYYY-MM-DDTHH)") String explain;
    @Option(names = "--limit", defaultValue = "20", description = "posts listed by --explain (default ${DEFAULT-VALUE})") int limit;

    @Override
    public Integer call() {
        Bucket b = Bucket.of(bucket);
        if (explain != null) return explain(b);
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

    /** {@code --explain}: the posts behind one bucket, as CSV or JSON, the ones that moved it most first. */
    private int explain(Bucket b) {
        Instant start = ExplainTime.parse(explain, b);
        if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1");
        if (!format.equals("csv") && !format.equals("json")) throw new IllegalArgumentException("--format must be csv or json");
        var engine = root.existingEngine();
        String modelId = model != null ? model : engine.scoring().activeModel().id();
        List<BucketPost> posts = engine.analysis().marketAnalysis().explain(modelId, b, start, limit);
        PrintWriter out = spec.commandLine().getOut();
        if (posts.isEmpty()) {
            spec.commandLine().getErr().println("no post counts in the " + b.name().toLowerCase(Locale.ROOT) + " from " + start
                    + " for " + modelId + " (none stored, or none scored by it yet)");
        }
        if (format.equals("json")) {
            ObjectMapper json = new ObjectMapper();
            var root = json.createObjectNode().put("model", modelId).put("bucket", start.toString());
            ArrayNode arr = root.putArray("posts");
            for (BucketPost p : posts) {
                var o = arr.addObject().put("thread_id", p.threadId()).put("posted_at", p.postedAt().toString())
                        .put("contribution", round(p.contribution())).put("weight", round(p.weight())).put("score", round(p.score()))
                        .put("source", p.human() ? "label" : "model").put("verdict", p.verdict()).put("text", p.text());
                p.drivers().forEach(o.putArray("drivers")::add);
            }
            out.println(root);
        } else {
            out.println("thread_id,posted_at,contribution,weight,score,source,verdict,drivers,text");
            for (BucketPost p : posts) {
                out.printf(Locale.ROOT, "%d,%s,%.3f,%.2f,%.2f,%s,%s,%s,%s%n", p.threadId(), p.postedAt(), p.contribution(), p.weight(),
                        p.score(), p.human() ? "label" : "model", csv(p.verdict()), csv(String.join("; ", p.drivers())), csv(oneLine(p.text(), 200)));
            }
        }
        return 0;
    }

    private static String oneLine(String text, int max) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
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
