package com.bizcharts.cli;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.CoinSentiment;
import com.bizcharts.index.MarketAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts coins --top 20}: the most discussed coins, their sentiment and the biggest movers. */
@Command(name = "coins", mixinStandardHelpOptions = true, description = "Most mentioned coins with their sentiment, and the top movers.")
final class CoinsCommand implements Callable<Integer> {

    @ParentCommand BizchartsCommand root;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--top", defaultValue = "20") int top;
    @Option(names = "--days", defaultValue = "7", description = "look back this many days (default ${DEFAULT-VALUE})") int days;
    @Option(names = "--to", paramLabel = "DATE", description = "last day (default: the day of the newest post)") LocalDate to;

    @Override
    public Integer call() {
        if (top < 1 || days < 1) throw new IllegalArgumentException("--top and --days must be at least 1");
        var engine = root.existingEngine();
        // From the newest data, not the clock: a store last filled months ago still shows its last week.
        LocalDate last = to != null ? to : engine.collecting().threads().postingSpan().map(s -> s.last().atZone(ZoneOffset.UTC).toLocalDate())
                .orElse(LocalDate.now(ZoneOffset.UTC));
        LocalDate first = last.minusDays(days - 1L);
        Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String modelId = engine.scoring().activeModel().id();
        MarketAnalysis.Sentiment s = engine.analysis().marketAnalysis().sentiment(modelId, Bucket.DAY, start, end);
        RangeNote.about(s, engine.collecting().threads(), first, last).ifPresent(spec.commandLine().getErr()::println);
        var rows = s.coins();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-8s %8s %8s %8s %10s%n", "coin", "mentions", "bullish", "bearish", "sentiment");
        for (CoinSentiment.CoinTotals t : CoinSentiment.top(rows, top)) {
            out.printf(Locale.ROOT, "%-8s %8d %8d %8d %+10.3f%n", t.coin(), t.mentions(), t.bullish(), t.bearish(), t.sentiment());
        }
        var movers = CoinSentiment.topMovers(rows, 3, 5);
        if (!movers.isEmpty()) {
            out.println("top movers on " + movers.get(0).bucket().toString().substring(0, 10) + ":");
            movers.forEach(m -> out.printf(Locale.ROOT, "  %-8s %+.3f (now %+.3f, %d mentions)%n", m.coin(), m.change(), m.sentiment(), m.mentions()));
        }
        return 0;
    }
}
