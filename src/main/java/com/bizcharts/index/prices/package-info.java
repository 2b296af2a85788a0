/**
 * Coin prices for the index: providers (CoinGecko, Binance public klines, CoinMarketCap), rotated across their free
 * tiers with per-provider monthly budgets, cached in {@code price_points} by {@link com.bizcharts.index.prices.PriceSync}.
 *
 * <p>Why here and not in {@code collect}: {@code collect} gathers what /biz/ says; prices exist only to be set against
 * the index (the dashboard's overlays, lead-lag and the backtest), so they live beside it, as CONVENTIONS lays out.
 * The HTTP manners (pacing, backoff, Retry-After) are {@code collect.http}'s, reused rather than copied.
 */
package com.bizcharts.index.prices;
