package com.bizcharts.cli;

import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.index.prices.FakePriceApis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code prices sync|show|ids} in-process, against the loopback price APIs. */
class PricesCommandTest {

    @TempDir Path dir;
    private final FakePriceApis api = new FakePriceApis();

    @AfterEach
    void close() {
        api.close();
    }

    private String[] args(String... rest) throws Exception {
        Path config = dir.resolve("settings.toml");
        Files.writeString(config, """
                [backoff]
                initial_ms = 1
                max_ms = 2
                max_attempts = 2
                [prices.binance]
                base_url = "%1$s"
                min_request_interval_ms = 1
                [prices.coingecko]
                base_url = "%1$s"
                min_request_interval_ms = 1
                [prices.coinmarketcap]
                base_url = "%1$s"
                min_request_interval_ms = 1
                """.formatted(api.base()));
        String[] head = {"--db", dir.resolve("p.db").toString(), "--config", config.toString()};
        String[] all = new String[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    @Test
    void syncStoresTheBarsOnceAndShowListsThem() throws Exception {
        CliTest first = CliTest.run(args("prices", "sync", "--coin", "BTC", "--from", "2025-10-01", "--to", "2025-10-10", "--interval", "1d"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("BTC 1d 2025-10-01T00:00:00Z..2025-10-11T00:00:00Z: 10 bars in range, 0 already stored, 10 new, 0 missing; calls {binance=1}");
        CliTest again = CliTest.run(args("prices", "sync", "--coin", "BTC", "--from", "2025-10-01", "--to", "2025-10-10", "--interval", "1d"));
        assertThat(again.out()).contains("10 bars in range, 10 already stored, 0 new, 0 missing; calls none");
        assertThat(api.calls.get("binance")).isEqualTo(1);

        CliTest show = CliTest.run(args("prices", "show"));
        assertThat(show.out()).contains("BTC      1d  2025-10-01T00:00:00Z .. 2025-10-10T00:00:00Z      10 bars  {binance=10}");
        CliTest bars = CliTest.run(args("prices", "show", "--coin", "btc", "--last", "2"));
        assertThat(bars.out().lines()).hasSize(3).first().isEqualTo("ts,open,high,low,close,volume,provider");
        assertThat(bars.out().lines().skip(1)).allMatch(l -> l.matches("2025-10-1[01]T00:00:00Z,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,800.5,binance")
                || l.startsWith("2025-10-09T00:00:00Z,"));
    }

    @Test
    void malformedJsonFailsClearlyAndStoresNothing() throws Exception {
        api.fault("coingecko", Reply.of(200, "<html>maintenance</html>"));
        CliTest r = CliTest.run(args("prices", "sync", "--coin", "BTC", "--from", "2025-10-01", "--to", "2025-10-03",
                "--interval", "1d", "--provider", "coingecko"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("every provider failed").contains("coingecko: the answer is not JSON");
        assertThat(r.out()).contains("3 bars in range, 0 already stored, 0 new, 3 missing");
        assertThat(CliTest.run(args("prices", "show")).out()).startsWith("no prices stored yet");
    }

    @Test
    void badInputIsAOneLineError() throws Exception {
        CliTest noId = CliTest.run(args("prices", "sync", "--coin", "NOPE", "--from", "2025-10-01", "--to", "2025-10-03"));
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).isEqualTo("error: NOPE: no price id (add it to config/price-ids.toml)" + System.lineSeparator());
        assertThat(CliTest.run(args("prices", "sync", "--coin", "BTC", "--from", "2025-10-01", "--provider", "kraken")).err())
                .contains("unknown price provider 'kraken'");
        assertThat(CliTest.run(args("prices", "sync", "--coin", "BTC", "--from", "2025-10-01", "--interval", "5m")).err())
                .contains("--interval must be 1h or 1d");
    }

    @Test
    void idsListsEachCoinsIdsAndTheCoinsWithout() throws Exception {
        CliTest r = CliTest.run(args("prices", "ids"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("BTC\\s+bitcoin\\s+BTCUSDT\\s+1\\n").containsPattern("XMR\\s+monero\\s+-\\s+328")
                .contains("GME      no price id").containsPattern("\\d+ of \\d+ coins have a price id; no price id: .*GME");
    }
}
