package com.bizcharts.index.prices;

import com.bizcharts.collect.http.BodyCap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The [prices] settings: where each provider lives, how fast and how much we may ask it, and the order of rotation.
 * Keys are never settings: CoinMarketCap's comes from {@code CMC_API_KEY}, CoinGecko's optional demo key from
 * {@code COINGECKO_API_KEY} (environment or keyring).
 *
 * @param ids      the coin-to-provider-id file ({@code config/price-ids.toml})
 * @param interval the default bar, {@code 1h} or {@code 1d}
 * @param order    providers in the order a sync tries them
 * @param maxResponseKb the largest price answer accepted from any provider
 */
public record PriceSettings(String ids, String interval, List<String> order, long requestTimeoutSeconds,
                            Provider coingecko, Provider binance, Provider coinmarketcap, long maxResponseKb) {

    /**
     * @param monthlyBudget calls (CoinMarketCap: credits) per calendar month, 0 for no limit
     */
    public record Provider(String baseUrl, long minRequestIntervalMs, int monthlyBudget) {
        public URI baseUri() {
            return URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        }

        public Duration minRequestInterval() { return Duration.ofMillis(minRequestIntervalMs); }
    }

    public Path idsPath() { return Path.of(ids); }

    public Duration requestTimeout() { return Duration.ofSeconds(requestTimeoutSeconds); }

    public BodyCap responseCap() { return BodyCap.ofKilobytes("price answer", maxResponseKb, "[prices] max_response_kb"); }

    public Provider provider(String name) {
        return switch (name) {
            case CoinGeckoProvider.NAME -> coingecko;
            case BinanceProvider.NAME -> binance;
            case CoinMarketCapProvider.NAME -> coinmarketcap;
            default -> throw new IllegalArgumentException("unknown price provider '" + name
                    + "' (coingecko, binance or coinmarketcap)");
        };
    }
}
