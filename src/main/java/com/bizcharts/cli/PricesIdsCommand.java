package com.bizcharts.cli;

import com.bizcharts.coins.Coin;
import com.bizcharts.coins.CoinList;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts prices ids}: each known coin's provider ids, and the coins with no price id. */
@Command(name = "ids", mixinStandardHelpOptions = true,
        description = "The provider ids of the coins in config/coins.toml (from config/price-ids.toml); 'no price id' where none.")
final class PricesIdsCommand implements Callable<Integer> {

    @ParentCommand PricesCommand prices;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var settings = prices.root.settings();
        var ids = com.bizcharts.index.prices.PriceIds.load(settings.prices().idsPath());
        List<String> coins = CoinList.load(settings.coins().listPath()).stream().map(Coin::symbol).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-8s %-26s %-12s %s%n", "coin", "coingecko", "binance", "coinmarketcap");
        for (String c : coins) {
            ids.find(c).ifPresentOrElse(
                    e -> out.printf(Locale.ROOT, "%-8s %-26s %-12s %s%n", c, dash(e.coingecko()), dash(e.binance()), dash(e.coinmarketcap())),
                    () -> out.printf(Locale.ROOT, "%-8s no price id%n", c));
        }
        List<String> missing = ids.missing(coins);
        out.printf(Locale.ROOT, "%d of %d coins have a price id; no price id: %s%n", coins.size() - missing.size(), coins.size(),
                missing.isEmpty() ? "none" : String.join(", ", missing));
        return 0;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
