package com.bizcharts.app;

import com.bizcharts.index.prices.PriceIds;
import com.bizcharts.index.prices.PriceSync;
import com.bizcharts.store.PriceRepository;
import java.time.Clock;

/**
 * What reads sentiment and prices: the Fear/Greed and coin analysis and the price store and sync. A feature
 * service of the engine: commands and view-models take it, not the engine's parts.
 */
public final class Analysis {

    private final Engine engine;

    Analysis(Engine engine) {
        this.engine = engine;
    }

    public com.bizcharts.index.MarketAnalysis marketAnalysis() { return engine.marketAnalysis(); }

    public PriceRepository prices() { return engine.prices(); }

    public PriceIds priceIds() { return engine.priceIds(); }

    public PriceSync priceSync() { return engine.priceSync(); }
    /** The clock its records are stamped with (UTC). */
    public Clock clock() { return engine.clock(); }
}
