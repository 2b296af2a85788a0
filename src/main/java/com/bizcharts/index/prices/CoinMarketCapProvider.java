package com.bizcharts.index.prices;

import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.index.Bucket;
import com.bizcharts.secrets.KeyTransport;
import com.bizcharts.secrets.Redaction;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CoinMarketCap's {@code /v2/cryptocurrency/quotes/historical?id=&time_start=&time_end=&interval=&count=&convert=USD}
 * with the key in the {@code X-CMC_PRO_API_KEY} header (from {@code CMC_API_KEY}). It answers
 * {@code {"status": {"error_code": 0, ...}, "data": {"id": 1, "symbol": "BTC", "quotes": [{"timestamp": "...",
 * "quote": {"USD": {"price": ...}}}]}}}; {@code data} may also be keyed by the id. Each 100 data points cost one
 * credit. CoinMarketCap's free Basic plan does not include historical quotes (HTTP 403, error 1006): the sync then
 * says so and moves on to the next provider.
 */
public final class CoinMarketCapProvider implements PriceProvider {

    public static final String NAME = "coinmarketcap";
    public static final String KEY = "CMC_API_KEY";
    static final int MAX_BARS = 1000;

    private final ProviderHttp http;
    private final URI base;
    private final Supplier<Optional<String>> key;
    private final Clock clock;
    private final KeyTransport transport;

    public CoinMarketCapProvider(PoliteHttp http, URI base, Supplier<Optional<String>> key, Clock clock) {
        this(http, base, key, clock, KeyTransport.STRICT);
    }

    /** @param transport whether the key may go to {@code base} (a plain-http base off the loopback is refused) */
    public CoinMarketCapProvider(PoliteHttp http, URI base, Supplier<Optional<String>> key, Clock clock, KeyTransport transport) {
        this.transport = transport;
        this.http = new ProviderHttp(NAME, http, n -> n.path("status").path("error_message").isTextual()
                ? n.path("status").path("error_message").asText() : null);
        this.base = base;
        this.key = key;
        this.clock = clock;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String idFor(PriceIds.Entry coin) { return coin.coinmarketcap(); }

    @Override
    public String unavailableReason() {
        return key.get().isPresent() ? transport.refusal(base, KEY) : "no " + KEY + " in the environment or keyring";
    }

    @Override
    public Duration maxSpan(Bucket interval) {
        return interval.length().multipliedBy(MAX_BARS);
    }

    @Override
    public int cost(long bars) {
        return (int) Math.max(1, (bars + 99) / 100);
    }

    @Override
    public Fetched fetch(PriceIds.Entry coin, Bucket interval, Instant from, Instant to) throws PriceException, InterruptedException {
        String apiKey = key.get().orElseThrow(() -> new PriceException(NAME + ": " + unavailableReason()));
        String refused = transport.refusal(base, KEY);
        if (refused != null) throw new PriceException(NAME + ": " + refused);
        long bars = Duration.between(from, to).dividedBy(interval.length());
        int cost = cost(bars);
        URI uri = URI.create(base + "/v2/cryptocurrency/quotes/historical?id=" + coin.coinmarketcap()
                + "&time_start=" + from.getEpochSecond() + "&time_end=" + to.getEpochSecond()
                + "&interval=" + BarInterval.code(interval) + "&count=" + (bars + 1) + "&convert=USD");
        JsonNode root = http.get(uri, Map.of("X-CMC_PRO_API_KEY", apiKey, "Accept", "application/json"),
                "no coin with id " + coin.coinmarketcap() + " (check config/price-ids.toml)");
        JsonNode status = root.path("status");
        if (status.path("error_code").asInt(0) != 0) {
            throw new PriceException(NAME + ": " + Redaction.redact(
                    status.path("error_message").asText("error " + status.path("error_code").asInt()), apiKey), cost);
        }
        JsonNode data = root.path("data");
        if (!data.has("quotes") && data.has(coin.coinmarketcap())) data = data.get(coin.coinmarketcap());
        if (data.isArray() && !data.isEmpty()) data = data.get(0);
        JsonNode quotes = data.get("quotes");
        if (quotes == null || !quotes.isArray()) throw http.malformed("quotes/historical JSON (no data.quotes array)", cost);
        List<double[]> samples = new ArrayList<>(quotes.size());
        for (JsonNode q : quotes) {
            JsonNode price = q.path("quote").path("USD").path("price");
            if (!q.path("timestamp").isTextual() || !price.isNumber()) {
                throw http.malformed("quotes/historical JSON (timestamp and quote.USD.price expected)", cost);
            }
            try {
                samples.add(new double[]{Instant.parse(q.path("timestamp").asText()).toEpochMilli(), price.asDouble()});
            } catch (DateTimeParseException e) {
                throw http.malformed("quotes/historical JSON (timestamp '" + q.path("timestamp").asText() + "')", cost);
            }
        }
        return new Fetched(Snapshots.toBars(coin.symbol(), NAME, interval, samples, from, to, clock.instant()), cost);
    }
}
