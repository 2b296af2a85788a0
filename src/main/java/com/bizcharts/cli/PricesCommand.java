package com.bizcharts.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code bizcharts prices ...}: coin prices from CoinGecko, Binance and CoinMarketCap, cached in the database. */
@Command(name = "prices", mixinStandardHelpOptions = true,
        description = "Coin prices: sync them into the database, show what is stored, list the coins' provider ids.",
        subcommands = {PricesSyncCommand.class, PricesShowCommand.class, PricesIdsCommand.class})
public final class PricesCommand {

    @ParentCommand
    BizchartsCommand root;
}
