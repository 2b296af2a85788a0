package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.index.Bucket;
import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.index.PriceSeries;
import com.bizcharts.store.PriceRepository;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The options {@code index leadlag} and {@code index backtest} share, and the loading they both do. */
final class AnalysisOptions {

    @Option(names = "--coin", defaultValue = "BTC", description = "whose price (default ${DEFAULT-VALUE})") String coin;
    @Option(names = "--bucket", defaultValue = "day", description = "hour or day (default ${DEFAULT-VALUE})") String bucket;
    @Option(names = "--from", paramLabel = "DATE", description = "first day (default: the coin's first stored price)") LocalDate from;
    @Option(names = "--to", paramLabel = "DATE", description = "last day, inclusive (default: the coin's last stored price)") LocalDate to;
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE})") String format;
    @Option(names = "--model", paramLabel = "ID", description = "whose predictions (default: the active model)") String model;
    @Option(names = "--min-mentions", defaultValue = "3",
            description = "a coin's bucket counts with at least this many mentions (default ${DEFAULT-VALUE})") int minMentions;

    /** What both commands work on. */
    record Loaded(String modelId, MarketAnalysis.Sentiment sentiment, PriceSeries prices) {}

    /** Checks the options, then (only then: a typo must not create a database) reads the range. */
    Loaded load(BizchartsCommand root, int maxLag) {
        Bucket b = Bucket.of(bucket);
        if (!List.of("table", "csv", "json").contains(format)) throw new IllegalArgumentException("--format must be table, csv or json");
        if (from != null && to != null && to.isBefore(from)) throw new IllegalArgumentException("--to is before --from");
        Engine engine = root.existingEngine();
        String symbol = coin.strip().toUpperCase(Locale.ROOT);
        List<PriceRepository.Coverage> held = engine.analysis().prices().coverage().stream().filter(c -> c.coin().equals(symbol)).toList();
        if (held.isEmpty()) {
            throw new IllegalArgumentException("no prices for " + symbol + ": run 'bizcharts prices sync --coin " + symbol + " --from DATE' first");
        }
        LocalDate first = from != null ? from : held.stream().map(c -> c.first()).min(Instant::compareTo).orElseThrow()
                .atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to != null ? to : held.stream().map(c -> c.last()).max(Instant::compareTo).orElseThrow()
                .atZone(ZoneOffset.UTC).toLocalDate();
        if (last.isBefore(first)) throw new IllegalArgumentException("--to is before --from");
        Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String modelId = model != null ? model : engine.scoring().activeModel().id();
        MarketAnalysis analysis = engine.analysis().marketAnalysis();
        return new Loaded(modelId, analysis.sentiment(modelId, b, start, end),
                analysis.prices(symbol, start, end, MarketAnalysis.margin(b, maxLag)));
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
