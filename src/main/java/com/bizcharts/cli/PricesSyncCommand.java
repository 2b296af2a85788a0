package com.bizcharts.cli;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.prices.BarInterval;
import com.bizcharts.index.prices.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts prices sync --coin BTC --from 2025-10-01}: fetches the bars not stored yet. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Fetch a coin's price bars into the database; bars already stored are not fetched again.")
final class PricesSyncCommand implements Callable<Integer> {

    @ParentCommand PricesCommand prices;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--coin", required = true, split = ",", paramLabel = "SYMBOL", description = "coin symbol(s), e.g. BTC or BTC,ETH")
    List<String> coins;
    @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day (UTC)") LocalDate from;
    @Option(names = "--to", paramLabel = "DATE", description = "last day, inclusive (default: up to the last closed bar)") LocalDate to;
    @Option(names = "--interval", paramLabel = "1h|1d", description = "bar length (default from settings: 1h)") String interval;
    @picocli.CommandLine.Mixin InsecureHttpOption insecure;
    @Option(names = "--provider", paramLabel = "NAME", description = "use only this provider: binance, coingecko or coinmarketcap")
    String provider;

    @Override
    public Integer call() throws InterruptedException {
        // the options first, from settings alone: a typo must not create a database
        var settings = prices.root.settings();
        Bucket bars = BarInterval.parse(interval != null ? interval : settings.prices().interval());
        if (to != null && to.isBefore(from)) throw new IllegalArgumentException("--to is before --from");
        if (provider != null) settings.prices().provider(provider);  // an unknown name is a clear error
        var engine = prices.root.engine();
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to == null ? engine.analysis().clock().instant() : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var sync = engine.analysis().priceSync();
        boolean failed = false;
        for (String coin : coins) {
            SyncReport r = sync.sync(coin, bars, start, end, provider, line -> out.println("  " + line));
            out.printf(Locale.ROOT, "%s %s %s..%s: %d bars in range, %d already stored, %d new, %d missing; calls %s%n",
                    r.coin(), r.interval(), r.from(), r.to(), r.expected(), r.cached(), r.added(), r.missing(),
                    r.calls().isEmpty() ? "none" : r.calls());
            for (String p : r.problems()) if (p.startsWith("skipped")) out.println("  " + p);
            if (r.failed()) {
                err.println("error: " + r.coin() + ": every provider failed for the rest of the range; what was fetched is stored. "
                        + Arrays.toString(r.problems().stream().filter(p -> !p.startsWith("skipped")).toArray()));
                failed = true;
            }
        }
        return failed ? 1 : 0;
    }
}
