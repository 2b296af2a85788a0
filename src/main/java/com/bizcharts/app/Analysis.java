package com.bizcharts.app;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.collect.http.RequestPacer;
import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.index.prices.BinanceProvider;
import com.bizcharts.index.prices.CoinGeckoProvider;
import com.bizcharts.index.prices.CoinMarketCapProvider;
import com.bizcharts.index.prices.PriceIds;
import com.bizcharts.index.prices.PriceProvider;
import com.bizcharts.index.prices.PriceSettings;
import com.bizcharts.index.prices.PriceSync;
import com.bizcharts.index.prices.ProviderBudget;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.store.Database;
import com.bizcharts.store.PriceRepository;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reads sentiment and prices: the Fear/Greed and coin analysis and the price store and sync. A feature service
 * built by the {@link Engine}; commands and view-models take it, not the engine's parts.
 */
public final class Analysis {

    private final Settings settings;
    private final Database database;
    private final PriceRepository prices;
    private final Backoff backoff;
    private final ApiKeys secrets;
    private final Clock clock;
    private PriceSync priceSync;

    Analysis(Settings settings, Database database, Backoff backoff, ApiKeys secrets, Clock clock) {
        this.secrets = secrets;
        this.settings = settings;
        this.database = database;
        this.prices = new PriceRepository(database);
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Sentiment and prices of a range, for the dashboard and {@code index leadlag|backtest} alike. */
    public MarketAnalysis marketAnalysis() {
        return new MarketAnalysis(database, prices, settings.images().excludeFlaggedFromIndex());
    }

    public PriceRepository prices() { return prices; }

    public PriceIds priceIds() { return PriceIds.load(settings.prices().idsPath()); }

    /**
     * The price sync, built on first use: each provider gets its own pace (its free tier's per-minute limit) and the
     * shared backoff; keys are looked up when a call needs them, never stored.
     */
    public synchronized PriceSync priceSync() {
        if (priceSync == null) {
            var p = settings.prices();
            var keys = secrets;
            var transport = settings.security().keyTransport();
            List<PriceProvider> providers = List.of(
                    new BinanceProvider(priceHttp(p.binance()), p.binance().baseUri(), clock),
                    new CoinGeckoProvider(priceHttp(p.coingecko()), p.coingecko().baseUri(), () -> keys.find("COINGECKO_API_KEY"),
                            clock, transport),
                    new CoinMarketCapProvider(priceHttp(p.coinmarketcap()), p.coinmarketcap().baseUri(),
                            () -> keys.find(CoinMarketCapProvider.KEY), clock, transport));
            Map<String, Integer> budgets = new HashMap<>();
            for (PriceProvider provider : providers) budgets.put(provider.name(), p.provider(provider.name()).monthlyBudget());
            priceSync = new PriceSync(providers, p.order(), priceIds(), prices, new ProviderBudget(prices, budgets, clock), clock);
        }
        return priceSync;
    }

    private PoliteHttp priceHttp(PriceSettings.Provider provider) {
        return new PoliteHttp(RequestPacer.realTime(provider.minRequestInterval()), backoff, settings.prices().requestTimeout(),
                settings.fourchan().userAgent(), settings.prices().responseCap());
    }

    /** The clock its records are stamped with (UTC). */
    public Clock clock() { return clock; }
}
