package com.bizcharts.index.prices;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.FakeTime;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.index.Bucket;
import com.bizcharts.store.Database;
import com.bizcharts.store.PricePoint;
import com.bizcharts.store.PriceRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The sync over a real SQLite file and one loopback server playing all three providers. */
class PriceSyncTest {

    static final Instant OCT_1 = Instant.parse("2025-10-01T00:00:00Z");
    @TempDir Path dir;
    private final FakeTime time = new FakeTime(Instant.parse("2025-12-20T10:30:00Z"));
    private final FakePriceApis api = new FakePriceApis();
    private final List<String> log = new ArrayList<>();
    private Database db;
    private PriceRepository repo;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("p.db"));
        repo = new PriceRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
        api.close();
    }

    private PriceSync sync(Map<String, Integer> budgets, String cmcKey) {
        URI base = URI.create(api.base());
        List<PriceProvider> providers = List.of(
                new BinanceProvider(http(), base, time),
                new CoinGeckoProvider(http(), base, Optional::empty, time),
                new CoinMarketCapProvider(http(), base, () -> Optional.ofNullable(cmcKey), time));
        return new PriceSync(providers, List.of("binance", "coingecko", "coinmarketcap"), PriceIds.load(Path.of("config/price-ids.toml")),
                repo, new ProviderBudget(repo, budgets, time), time);
    }

    private PoliteHttp http() {
        return new PoliteHttp(time.pacer(Duration.ofMillis(250)), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 3),
                Duration.ofSeconds(5), "BizChartsTest/1");
    }

    @Test
    void pagesLongRangesStoresClosedBarsAndAReSyncAsksForNothing() throws Exception {
        PriceSync sync = sync(Map.of(), null);
        Instant to = Instant.parse("2025-12-15T00:00:00Z");  // 75 days = 1800 hourly bars = 2 pages of Binance's 1000
        SyncReport first = sync.sync("btc", Bucket.HOUR, OCT_1, to, null, log::add);
        assertThat(first.expected()).isEqualTo(1800);
        assertThat(first.added()).isEqualTo(1800);
        assertThat(first.missing()).isZero();
        assertThat(first.calls()).isEqualTo(Map.of("binance", 2));
        assertThat(first.failed()).isFalse();
        assertThat(first.problems()).containsExactly("skipped coinmarketcap: no CMC_API_KEY in the environment or keyring");
        List<PricePoint> bars = repo.series("BTC", "1h", OCT_1, to);
        assertThat(bars).hasSize(1800);
        assertThat(bars.get(0).close()).isCloseTo(FakePriceApis.price(OCT_1.getEpochSecond() + 3600), within(1e-6));

        SyncReport again = sync.sync("BTC", Bucket.HOUR, OCT_1, to, null, log::add);
        assertThat(again.cached()).isEqualTo(1800);
        assertThat(again.added()).isZero();
        assertThat(again.calls()).isEmpty();
        assertThat(api.calls.get("binance")).isEqualTo(2);
        assertThat(repo.count()).isEqualTo(1800);

        // Up to "now" (10:30): the 10:00 bar is still forming and is not stored; only the new days are fetched.
        SyncReport later = sync.sync("BTC", Bucket.HOUR, OCT_1, time.instant(), null, log::add);
        assertThat(later.to()).isEqualTo(Instant.parse("2025-12-20T10:00:00Z"));
        assertThat(later.added()).isEqualTo(5 * 24 + 10);
        assertThat(later.calls()).isEqualTo(Map.of("binance", 1));
        assertThat(api.server.seen.get(2).query()).contains("startTime=" + to.toEpochMilli());
    }

    @Test
    void aFailingProviderPassesTheWindowToTheNext() throws Exception {
        for (int i = 0; i < 3; i++) api.fault("binance", Reply.of(502, "<html>Bad Gateway</html>"));
        SyncReport r = sync(Map.of(), null).sync("BTC", Bucket.DAY, OCT_1, Instant.parse("2025-10-31T00:00:00Z"), null, log::add);
        assertThat(r.added()).isEqualTo(30);
        assertThat(r.calls()).containsEntry("binance", 1).containsEntry("coingecko", 1);
        assertThat(r.problems()).anyMatch(p -> p.startsWith("binance: ") && p.contains("HTTP 502 after 3 attempts"));
        assertThat(r.failed()).isFalse();
        assertThat(repo.coverage()).singleElement().satisfies(c -> assertThat(c.byProvider()).isEqualTo(Map.of("coingecko", 30)));
        // CoinGecko's daily close is its last hourly snapshot of the day, never one from the next day
        PricePoint oct1 = repo.series("BTC", "1d", OCT_1, OCT_1.plusSeconds(86400)).get(0);
        assertThat(oct1.close()).isCloseTo(FakePriceApis.price(OCT_1.getEpochSecond() + 23 * 3600 + 41), within(1e-6));
    }

    @Test
    void coinsBinanceDoesNotListGoToCoinGeckoAndSpentBudgetsMoveOn() throws Exception {
        SyncReport xmr = sync(Map.of(), null).sync("XMR", Bucket.DAY, OCT_1, Instant.parse("2025-10-11T00:00:00Z"), null, log::add);
        assertThat(xmr.calls()).isEqualTo(Map.of("coingecko", 1));
        assertThat(xmr.added()).isEqualTo(10);
        assertThat(api.calls).doesNotContainKey("binance");

        // CoinGecko allows one call this month (now spent); CoinMarketCap, with a key, takes ETH's hourly windows.
        PriceSync tight = sync(Map.of("coingecko", 1, "coinmarketcap", 100), "cmc-key");
        SyncReport eth = tight.sync("ETH", Bucket.HOUR, OCT_1, OCT_1.plus(Duration.ofHours(48)), "coingecko", log::add);
        assertThat(eth.failed()).isTrue();
        assertThat(eth.problems()).containsExactly("coingecko: monthly budget spent (1 of 1)");
        SyncReport rotated = tight.sync("ETH", Bucket.HOUR, OCT_1, OCT_1.plus(Duration.ofHours(48)), null, log::add);
        assertThat(rotated.added()).isEqualTo(48);
        assertThat(rotated.calls()).isEqualTo(Map.of("binance", 1));
        SyncReport viaCmc = tight.sync("BTC", Bucket.HOUR, OCT_1, OCT_1.plus(Duration.ofHours(24)), "coinmarketcap", log::add);
        assertThat(viaCmc.added()).isEqualTo(24);
        assertThat(api.server.seen.get(api.server.seen.size() - 1).header("X-CMC_PRO_API_KEY")).isEqualTo("cmc-key");
        assertThat(new ProviderBudget(repo, Map.of(), time).used("coinmarketcap")).isEqualTo(1);
    }

    @Test
    void malformedJsonStoresNothingAndSaysWhy() throws Exception {
        api.fault("coingecko", Reply.of(200, "{\"prices\":[[1759276846117,113988.06],[1759280"));
        SyncReport r = sync(Map.of(), null).sync("BTC", Bucket.DAY, OCT_1, Instant.parse("2025-10-05T00:00:00Z"), "coingecko", log::add);
        assertThat(r.failed()).isTrue();
        assertThat(r.added()).isZero();
        assertThat(r.missing()).isEqualTo(4);
        assertThat(r.problems()).singleElement().asString().startsWith("coingecko: the answer is not JSON").endsWith("nothing stored");
        assertThat(repo.count()).isZero();
    }

    @Test
    void aRateLimitIsWaitedOutThenTheSyncCarriesOn() throws Exception {
        api.fault("binance", Reply.of(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}").header("Retry-After", "12"));
        SyncReport r = sync(Map.of(), null).sync("BTC", Bucket.DAY, OCT_1, Instant.parse("2025-10-05T00:00:00Z"), null, log::add);
        assertThat(r.added()).isEqualTo(4);
        assertThat(r.calls()).isEqualTo(Map.of("binance", 1));
        assertThat(time.sleeps).contains(Duration.ofSeconds(12));
    }

    @Test
    void coinsWithoutIdsOrUsableProvidersAreClearErrors() {
        assertThatThrownBy(() -> sync(Map.of(), null).sync("NOPE", Bucket.DAY, OCT_1, OCT_1.plusSeconds(86400 * 3), null, log::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("NOPE: no price id (add it to config/price-ids.toml)");
        assertThatThrownBy(() -> sync(Map.of(), null).sync("BTC", Bucket.DAY, OCT_1, OCT_1.plusSeconds(86400 * 3), "coinmarketcap", log::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTC: no provider can be used (coinmarketcap: no CMC_API_KEY in the environment or keyring)");
        assertThatThrownBy(() -> sync(Map.of(), null).sync("BTC", Bucket.DAY, time.instant(), time.instant().plusSeconds(86400), null, log::add))
                .hasMessageContaining("nothing to sync");
        assertThat(repo.count()).isZero();
    }

    @Test
    void theShippedIdsCoverTheMajorCoinsAndNameTheRest() {
        PriceIds ids = PriceIds.load(Path.of("config/price-ids.toml"));
        for (String major : List.of("BTC", "ETH", "SOL", "XRP", "DOGE", "LINK", "XMR", "BNB", "ADA", "PEPE")) {
            assertThat(ids.find(major)).as(major).isPresent();
        }
        assertThat(ids.require("BTC")).isEqualTo(new PriceIds.Entry("BTC", "bitcoin", "BTCUSDT", "1"));
        var coins = com.bizcharts.coins.CoinList.load(Path.of("config/coins.toml")).stream().map(c -> c.symbol()).toList();
        assertThat(ids.missing(coins)).isNotEmpty().doesNotContain("BTC", "ETH").contains("GME");
    }
}
