package com.bizcharts.cli;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.prices.BarInterval;
import com.bizcharts.store.PricePoint;
import com.bizcharts.store.PriceRepository;
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

/** {@code bizcharts prices show [--coin BTC]}: what is stored; with a coin, its bars as CSV. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Without --coin: the stored coins, intervals, ranges and providers. With --coin: its bars as CSV.")
final class PricesShowCommand implements Callable<Integer> {

    @ParentCommand PricesCommand prices;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--coin", paramLabel = "SYMBOL") String coin;
    @Option(names = "--interval", paramLabel = "1h|1d", defaultValue = "1d", description = "(default ${DEFAULT-VALUE})") String interval;
    @Option(names = "--from", paramLabel = "DATE") LocalDate from;
    @Option(names = "--to", paramLabel = "DATE", description = "last day, inclusive") LocalDate to;
    @Option(names = "--last", defaultValue = "0", description = "only the last N bars (default: all)") int last;

    @Override
    public Integer call() {
        PriceRepository repo = prices.root.existingEngine().analysis().prices();
        PrintWriter out = spec.commandLine().getOut();
        if (coin == null) {
            List<PriceRepository.Coverage> all = repo.coverage();
            if (all.isEmpty()) out.println("no prices stored yet: run 'bizcharts prices sync --coin BTC --from DATE'");
            for (var c : all) {
                out.printf(Locale.ROOT, "%-8s %-3s %s .. %s %7d bars  %s%n", c.coin(), c.interval(), c.first(), c.last(), c.bars(), c.byProvider());
            }
            return 0;
        }
        Bucket b = BarInterval.parse(interval);
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z") : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<PricePoint> bars = repo.series(coin.toUpperCase(Locale.ROOT), BarInterval.code(b), start, end);
        if (last > 0 && bars.size() > last) bars = bars.subList(bars.size() - last, bars.size());
        out.println("ts,open,high,low,close,volume,provider");
        for (PricePoint p : bars) {
            out.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s%n", p.ts(), num(p.open()), num(p.high()), num(p.low()), num(p.close()),
                    num(p.volume()), p.provider());
        }
        return 0;
    }

    private static String num(Double d) {
        return d == null ? "" : new java.math.BigDecimal(d).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
