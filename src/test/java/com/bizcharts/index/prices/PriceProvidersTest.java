package com.bizcharts.index.prices;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.FakeTime;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.index.Bucket;
import com.bizcharts.store.PricePoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each provider against a loopback server answering with its real response shape (fixtures in test resources). */
class PriceProvidersTest {

    static final PriceIds.Entry BTC = new PriceIds.Entry("BTC", "bitcoin", "BTCUSDT", "1");
    static final Instant FROM = Instant.parse("2025-10-01T00:00:00Z");
    private final FakeTime time = new FakeTime(Instant.parse("2025-12-01T10:00:00Z"));

    private PoliteHttp http() {
        return new PoliteHttp(time.pacer(Duration.ofMillis(100)), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 3),
                Duration.ofSeconds(5), "BizChartsTest/1");
    }

    static String fixture(String name) {
        try (InputStream in = PriceProvidersTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CoinGeckoProvider gecko(LoopbackServer s, String key) {
        return new CoinGeckoProvider(http(), URI.create(s.base()), () -> Optional.ofNullable(key), time);
    }

    @Test
    void coinGeckoSnapshotsBecomeHourlyBarsWhoseCloseIsTheLastPriceByTheBarsEnd() throws Exception {
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(200, fixture("coingecko-market-chart-range.json")))) {
            var f = gecko(s, "demo-key").fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(4 * 3600));
            assertThat(f.bars()).extracting(PricePoint::ts).containsExactly(FROM, FROM.plusSeconds(3600), FROM.plusSeconds(7200), FROM.plusSeconds(10800));
            assertThat(f.bars()).extracting(PricePoint::close).containsExactly(113988.06, 114231.5, 114102.2, 114612.4);
            PricePoint last = f.bars().get(3);  // 03:00:29 and the 04:00:00 snapshot: the one at the boundary closes the bar
            assertThat(last.open()).isEqualTo(114530.9);
            assertThat(last.high()).isEqualTo(114612.4);
            assertThat(last.low()).isEqualTo(114530.9);
            assertThat(last.volume()).isNull();
            assertThat(last.provider()).isEqualTo("coingecko");
            assertThat(last.interval()).isEqualTo("1h");
            var seen = s.seen.get(0);
            assertThat(seen.path()).isEqualTo("/api/v3/coins/bitcoin/market_chart/range");
            assertThat(seen.query()).isEqualTo("vs_currency=usd&from=1759276800&to=1759291200");
            assertThat(seen.header("x-cg-demo-api-key")).isEqualTo("demo-key");
            assertThat(f.cost()).isEqualTo(1);
        }
    }

    @Test
    void coinGeckoOnADailyIntervalMakesOneBarOfADaysSnapshots() throws Exception {
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(200, fixture("coingecko-market-chart-range.json")))) {
            var f = gecko(s, null).fetch(BTC, Bucket.DAY, FROM, FROM.plusSeconds(86400));
            assertThat(f.bars()).singleElement().satisfies(b -> {
                assertThat(b.open()).isEqualTo(113988.06);
                assertThat(b.close()).isEqualTo(114612.4);
                assertThat(b.high()).isEqualTo(114612.4);
                assertThat(b.low()).isEqualTo(113988.06);
            });
            assertThat(s.seen.get(0).header("x-cg-demo-api-key")).isNull();
        }
    }

    @Test
    void binanceKlinesAreTrueBarsWithStringPrices() throws Exception {
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(200, fixture("binance-klines.json")))) {
            var f = new BinanceProvider(http(), URI.create(s.base()), time).fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3 * 3600));
            assertThat(f.bars()).hasSize(3);
            PricePoint first = f.bars().get(0);
            assertThat(first.ts()).isEqualTo(FROM);
            assertThat(first.open()).isEqualTo(113988.07);
            assertThat(first.high()).isEqualTo(114250.0);
            assertThat(first.low()).isEqualTo(113900.01);
            assertThat(first.close()).isEqualTo(114231.49);
            assertThat(first.volume()).isEqualTo(812.44512);
            assertThat(first.fetchedAt()).isEqualTo(time.instant());
            assertThat(s.seen.get(0).path()).isEqualTo("/api/v3/klines");
            assertThat(s.seen.get(0).query())
                    .isEqualTo("symbol=BTCUSDT&interval=1h&startTime=1759276800000&endTime=1759287599999&limit=1000");
        }
    }

    @Test
    void coinMarketCapSendsTheKeyInItsHeaderAndReadsQuotes() throws Exception {
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(200, fixture("cmc-quotes-historical.json")))) {
            var cmc = new CoinMarketCapProvider(http(), URI.create(s.base()), () -> Optional.of("test-key"), time);
            var f = cmc.fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3 * 3600));
            assertThat(f.bars()).extracting(PricePoint::close).containsExactly(113990.12, 114228.7, 114101.9);
            assertThat(s.seen.get(0).header("X-CMC_PRO_API_KEY")).isEqualTo("test-key");
            assertThat(s.seen.get(0).path()).isEqualTo("/v2/cryptocurrency/quotes/historical");
            assertThat(s.seen.get(0).query()).startsWith("id=1&time_start=1759276800&time_end=1759287600&interval=1h&count=4")
                    .endsWith("convert=USD");
            assertThat(cmc.cost(1000)).isEqualTo(10);  // a credit per 100 data points
        }
        String keyed = "{\"status\":{\"error_code\":0},\"data\":{\"1\":" + fixture("cmc-quotes-historical.json")
                .replaceAll("^.*\"data\":", "").replaceAll("}$", "") + "}}";
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(200, keyed))) {
            var f = new CoinMarketCapProvider(http(), URI.create(s.base()), () -> Optional.of("k"), time)
                    .fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3 * 3600));
            assertThat(f.bars()).hasSize(3);  // data keyed by id, as some answers are
        }
    }

    @Test
    void coinMarketCapWithoutAKeyIsUnavailableAndItsPlanErrorIsSpelledOut() {
        var none = new CoinMarketCapProvider(http(), URI.create("http://127.0.0.1:9"), Optional::empty, time);
        assertThat(none.unavailableReason()).isEqualTo("no CMC_API_KEY in the environment or keyring");
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(403, fixture("cmc-403-plan.json")))) {
            var cmc = new CoinMarketCapProvider(http(), URI.create(s.base()), () -> Optional.of("secret-key-123"), time);
            assertThatThrownBy(() -> cmc.fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3600)))
                    .isInstanceOf(PriceException.class)
                    .hasMessageContaining("coinmarketcap").hasMessageContaining("HTTP 403")
                    .hasMessageContaining("subscription plan doesn't support this endpoint")
                    .hasMessageNotContaining("secret-key-123");
            assertThat(s.seen).hasSize(1);  // a refusal is not retried
        }
    }

    @Test
    void aProviderEchoingTheKeyInItsErrorGetsItRedacted() throws Exception {
        String echo = "{\"status\":{\"error_code\":1001,\"error_message\":\"This API Key is invalid: secret-key-123\"}}";
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(401, echo))) {
            var cmc = new CoinMarketCapProvider(http(), URI.create(s.base()), () -> Optional.of("secret-key-123"), time);
            assertThatThrownBy(() -> cmc.fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3600)))
                    .isInstanceOf(PriceException.class).hasMessageContaining("HTTP 401")
                    .hasMessageContaining("This API Key is invalid: [redacted]").hasMessageNotContaining("secret-key-123");
        }
        // the same echo in a 200 answer's status block
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(200, echo))) {
            var cmc = new CoinMarketCapProvider(http(), URI.create(s.base()), () -> Optional.of("secret-key-123"), time);
            assertThatThrownBy(() -> cmc.fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3600)))
                    .hasMessageContaining("[redacted]").hasMessageNotContaining("secret-key-123");
        }
    }

    @Test
    void aKeyIsNotSentOverPlainHttpOffTheLoopbackUnlessAllowed() throws Exception {
        URI lan = URI.create("http://192.0.2.10:9");  // TEST-NET: never reached, the key is refused before any request
        var cmc = new CoinMarketCapProvider(http(), lan, () -> Optional.of("secret-key-123"), time);
        assertThat(cmc.unavailableReason()).contains("refusing to send CMC_API_KEY over plain http:// to 192.0.2.10");
        assertThatThrownBy(() -> cmc.fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3600))).hasMessageContaining("refusing");
        var gecko = new CoinGeckoProvider(http(), lan, () -> Optional.of("demo-key"), time);
        assertThat(gecko.unavailableReason()).contains("COINGECKO_API_KEY");
        assertThat(new CoinGeckoProvider(http(), lan, Optional::empty, time).unavailableReason()).as("no key, nothing to refuse").isNull();
        assertThat(new CoinMarketCapProvider(http(), lan, () -> Optional.of("k"), time, new com.bizcharts.secrets.KeyTransport(true))
                .unavailableReason()).isNull();
    }

    @Test
    void tooManyRequestsWaitsRetryAfterThenSucceeds() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (LoopbackServer s = new LoopbackServer(r -> n.incrementAndGet() == 1
                ? Reply.of(429, "{\"status\":{\"error_code\":429,\"error_message\":\"You've exceeded the Rate Limit.\"}}").header("Retry-After", "7")
                : Reply.of(200, fixture("binance-klines.json")))) {
            var f = new BinanceProvider(http(), URI.create(s.base()), time).fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3 * 3600));
            assertThat(f.bars()).hasSize(3);
            assertThat(time.sleeps).contains(Duration.ofSeconds(7));
            assertThat(s.seen).hasSize(2);
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReported() {
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(503, "<html>bad gateway</html>"))) {
            assertThatThrownBy(() -> gecko(s, null).fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3600)))
                    .isInstanceOf(PriceException.class).hasMessageStartingWith("coingecko: ")
                    .hasMessageContaining("HTTP 503 after 3 attempts");
            assertThat(s.seen).hasSize(3);
            assertThat(time.sleeps).contains(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void malformedAnswersAreClearErrorsNotPartialData() {
        for (String body : List.of("{\"prices\":[[1759276846117,113988.06],[17592804", "{\"prices\":{}}", "{\"prices\":[[\"x\",1]]}")) {
            try (LoopbackServer s = new LoopbackServer(r -> Reply.of(200, body))) {
                assertThatThrownBy(() -> gecko(s, null).fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3600)))
                        .isInstanceOf(PriceException.class).hasMessageContaining("nothing stored");
            }
        }
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(200, "[[1759276800000,\"1.0\"]]"))) {
            assertThatThrownBy(() -> new BinanceProvider(http(), URI.create(s.base()), time).fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3600)))
                    .isInstanceOf(PriceException.class).hasMessageContaining("not klines");
        }
    }

    @Test
    void unknownIdsAndRefusedRangesSayWhy() {
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(404, "{\"error\":\"coin not found\"}"))) {
            assertThatThrownBy(() -> gecko(s, null).fetch(new PriceIds.Entry("ZZZ", "no-such-coin", null, null), Bucket.HOUR, FROM, FROM.plusSeconds(3600)))
                    .hasMessage("coingecko: no coin with id 'no-such-coin' (check config/price-ids.toml)");
        }
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"))) {
            assertThatThrownBy(() -> new BinanceProvider(http(), URI.create(s.base()), time).fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3600)))
                    .hasMessageContaining("HTTP 400").hasMessageEndingWith("Invalid symbol.");
        }
        try (LoopbackServer s = new LoopbackServer(r -> Reply.of(401, fixture("coingecko-401-range.json")))) {
            assertThatThrownBy(() -> gecko(s, null).fetch(BTC, Bucket.HOUR, FROM, FROM.plusSeconds(3600)))
                    .hasMessageContaining("limited to querying historical data within the past 365 days");
        }
    }
}
