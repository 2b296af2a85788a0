package com.bizcharts.index.prices;

import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.index.Bucket;
import com.bizcharts.store.PricePoint;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binance's public klines, {@code /api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=&endTime=&limit=1000}: no key,
 * true OHLC bars, at most 1000 a call. Each kline is an array {@code [openTime, "open", "high", "low", "close",
 * "volume", closeTime, "quoteVolume", trades, "takerBase", "takerQuote", "ignore"]} with prices as strings. Prices
 * are in USDT (close to, not exactly, US dollars); volume is in the base coin. Where api.binance.com refuses a region
 * (HTTP 451), point {@code [prices.binance] base_url} at a mirror with the same API, such as https://api.binance.us.
 */
public final class BinanceProvider implements PriceProvider {

    public static final String NAME = "binance";
    static final int LIMIT = 1000;

    private final ProviderHttp http;
    private final URI base;
    private final Clock clock;

    public BinanceProvider(PoliteHttp http, URI base, Clock clock) {
        this.http = new ProviderHttp(NAME, http, n -> n.path("msg").isTextual() ? n.path("msg").asText() : null);
        this.base = base;
        this.clock = clock;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String idFor(PriceIds.Entry coin) { return coin.binance(); }

    @Override
    public Duration maxSpan(Bucket interval) {
        return interval.length().multipliedBy(LIMIT);
    }

    @Override
    public Fetched fetch(PriceIds.Entry coin, Bucket interval, Instant from, Instant to) throws PriceException, InterruptedException {
        String symbol = coin.binance();
        URI uri = URI.create(base + "/api/v3/klines?symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "&interval=" + BarInterval.code(interval) + "&startTime=" + from.toEpochMilli()
                + "&endTime=" + (to.toEpochMilli() - 1) + "&limit=" + LIMIT);
        JsonNode root = http.get(uri, Map.of(), "no klines at " + uri.getPath());
        if (!root.isArray()) throw http.malformed("a klines array", 1);
        Instant fetchedAt = clock.instant();
        long len = interval.length().toMillis();
        List<PricePoint> bars = new ArrayList<>(root.size());
        for (JsonNode k : root) {
            if (!k.isArray() || k.size() < 7 || !k.get(0).canConvertToLong()) throw http.malformed("klines ([openTime, \"open\", ...] arrays)", 1);
            long open = k.get(0).asLong();
            if (open % len != 0) throw http.malformed("klines of " + BarInterval.code(interval) + " (open time " + open + " is off the grid)", 1);
            if (open < from.toEpochMilli() || open >= to.toEpochMilli()) continue;
            try {
                bars.add(new PricePoint(coin.symbol(), NAME, BarInterval.code(interval), Instant.ofEpochMilli(open),
                        number(k.get(1)), number(k.get(2)), number(k.get(3)), number(k.get(4)), number(k.get(5)), fetchedAt));
            } catch (IllegalArgumentException e) {
                throw http.malformed("klines (" + e.getMessage() + ")", 1);
            }
        }
        return new Fetched(bars, 1);
    }

    private static double number(JsonNode n) {
        if (n.isNumber()) return n.asDouble();
        if (!n.isTextual()) throw new IllegalArgumentException("a price is neither a string nor a number");
        return Double.parseDouble(n.asText());
    }
}
