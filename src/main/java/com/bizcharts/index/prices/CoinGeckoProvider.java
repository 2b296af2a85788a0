package com.bizcharts.index.prices;

import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.index.Bucket;
import com.bizcharts.secrets.KeyTransport;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CoinGecko's {@code /api/v3/coins/{id}/market_chart/range?vs_currency=usd&from=&to=} (seconds). It answers
 * {@code {"prices": [[ms, price], ...], "market_caps": ..., "total_volumes": ...}} with a granularity it picks from
 * the range: 5-minutely within a day, hourly up to 90 days, daily beyond. Hourly bars therefore ask for at most 89
 * days a call. The free (demo) tier allows about 30 calls a minute, 10,000 a month and the last 365 days; an
 * optional demo key goes in the {@code x-cg-demo-api-key} header.
 */
public final class CoinGeckoProvider implements PriceProvider {

    public static final String NAME = "coingecko";

    private final ProviderHttp http;
    private final URI base;
    private final Supplier<Optional<String>> demoKey;
    private final Clock clock;
    private final KeyTransport transport;

    public CoinGeckoProvider(PoliteHttp http, URI base, Supplier<Optional<String>> demoKey, Clock clock) {
        this(http, base, demoKey, clock, KeyTransport.STRICT);
    }

    /** @param transport whether the demo key may go to {@code base}; refused, the provider is skipped with the reason */
    public CoinGeckoProvider(PoliteHttp http, URI base, Supplier<Optional<String>> demoKey, Clock clock, KeyTransport transport) {
        this.transport = transport;
        this.http = new ProviderHttp(NAME, http, CoinGeckoProvider::errorText);
        this.base = base;
        this.demoKey = demoKey;
        this.clock = clock;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String idFor(PriceIds.Entry coin) { return coin.coingecko(); }

    /** Usable without a key; with one, only where the key may travel (never silently without the key the user set). */
    @Override
    public String unavailableReason() {
        return demoKey.get().isPresent() ? transport.refusal(base, "COINGECKO_API_KEY") : null;
    }

    @Override
    public Duration maxSpan(Bucket interval) {
        return interval == Bucket.HOUR ? Duration.ofDays(89) : Duration.ofDays(365);
    }

    @Override
    public Fetched fetch(PriceIds.Entry coin, Bucket interval, Instant from, Instant to) throws PriceException, InterruptedException {
        String id = coin.coingecko();
        String refused = unavailableReason();
        if (refused != null) throw new PriceException(NAME + ": " + refused);
        URI uri = URI.create(base + "/api/v3/coins/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "/market_chart/range?vs_currency=usd&from=" + from.getEpochSecond() + "&to=" + to.getEpochSecond());
        Map<String, String> headers = demoKey.get().map(k -> Map.of("x-cg-demo-api-key", k, "Accept", "application/json"))
                .orElse(Map.of("Accept", "application/json"));
        JsonNode root = http.get(uri, headers, "no coin with id '" + id + "' (check config/price-ids.toml)");
        JsonNode prices = root.get("prices");
        if (prices == null || !prices.isArray()) throw http.malformed("market_chart JSON (no \"prices\" array)", 1);
        List<double[]> samples = new ArrayList<>(prices.size());
        for (JsonNode p : prices) {
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber()) throw http.malformed("market_chart JSON ([ms, price] pairs expected)", 1);
            if (p.get(1).isNull()) continue;  // CoinGecko leaves gaps as null prices
            if (!p.get(1).isNumber()) throw http.malformed("market_chart JSON (a price is not a number)", 1);
            samples.add(new double[]{p.get(0).asLong(), p.get(1).asDouble()});
        }
        return new Fetched(Snapshots.toBars(coin.symbol(), NAME, interval, samples, from, to, clock.instant()), 1);
    }

    /** CoinGecko's error bodies: {"error": "..."} or {"status": {"error_message": ...}} or {"error": {"status": ...}}. */
    static String errorText(JsonNode n) {
        if (n.path("error").isTextual()) return n.path("error").asText();
        JsonNode status = n.has("status") ? n.path("status") : n.path("error").path("status");
        return status.path("error_message").isTextual() ? status.path("error_message").asText() : null;
    }
}
