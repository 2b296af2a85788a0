package com.bizcharts.index.prices;

import com.bizcharts.store.PriceRepository;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The free tiers' monthly limits (CoinGecko 10,000 calls, CoinMarketCap 10,000 credits; Binance has none worth
 * counting), kept in the store so they hold across runs. Per-minute limits are the pacers' job, not this one's.
 */
public final class ProviderBudget {

    private final PriceRepository repo;
    private final Map<String, Integer> monthly;
    private final Clock clock;

    /** @param monthly calls (or credits) a month per provider name; 0 or absent means no limit */
    public ProviderBudget(PriceRepository repo, Map<String, Integer> monthly, Clock clock) {
        this.repo = repo;
        this.monthly = Map.copyOf(monthly);
        this.clock = clock;
    }

    private String month() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
    }

    /** Whether a call costing {@code cost} still fits this month. */
    public boolean allows(String provider, int cost) {
        int limit = monthly.getOrDefault(provider, 0);
        return limit <= 0 || used(provider) + cost <= limit;
    }

    public int used(String provider) {
        return repo.callsIn(provider, month());
    }

    public int limit(String provider) {
        return monthly.getOrDefault(provider, 0);
    }

    public void spend(String provider, int cost) {
        repo.addCalls(provider, month(), cost);
    }
}
