package com.bizcharts.cli;

import com.bizcharts.index.MarketFixture;
import com.bizcharts.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code index leadlag} and {@code index backtest} over a store where sentiment leads BTC by construction. */
class IndexAnalysisCommandTest {

    @Test
    void leadLagFindsTheBuiltInLeadAndTheBacktestTradesIt(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        try (Database d = Database.open(db)) {
            MarketFixture.fill(d, Instant.parse("2026-01-01T00:00:00Z"), 45, false);
        }
        CliTest csv = CliTest.run("--db", db.toString(), "index", "leadlag", "--coin", "BTC", "--bucket", "day",
                "--from", "2026-01-01", "--to", "2026-02-14", "--max-lag", "2", "--format", "csv", "--model", "fixture");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("signal,horizon,lag,n,n_independent,pearson,spearman,ci95_low,ci95_high,too_few");
        assertThat(lines).hasSize(1 + 2 * 3 * 5);  // index and coin:BTC, three horizons, lags -2..2
        assertThat(lines).contains("index,1h,0,0,0.0,,,,,true").anyMatch(l -> l.startsWith("coin:BTC,24h,1,45,45.0,"));  // daily prices cannot say anything about an hour
        String[] lag0 = lines.stream().filter(l -> l.startsWith("index,24h,0,")).findFirst().orElseThrow().split(",");
        assertThat(lag0[3]).isEqualTo("45");                                 // n: every day has a reading and a next-day return
        assertThat(Double.parseDouble(lag0[5])).isGreaterThan(0.99);         // the lead built into the fixture
        assertThat(lag0[9]).isEqualTo("false");
        assertThat(lines.stream().filter(l -> l.startsWith("index,7d,"))).allMatch(l -> l.endsWith(",true"));  // 45 days hold ~6 weeks

        CliTest table = CliTest.run("--db", db.toString(), "index", "leadlag", "--coin", "btc", "--max-lag", "1");
        assertThat(table.out()).contains("45 index readings, 45 BTC readings (>= 3 mentions)")
                .contains("too few samples").contains("lag > 0");

        CliTest json = CliTest.run("--db", db.toString(), "index", "backtest", "--coin", "BTC", "--from", "2026-01-01",
                "--to", "2026-02-14", "--fee-bps", "0", "--format", "json", "--model", "fixture");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode momentum = root.path("results").get(1);
        assertThat(momentum.path("signal").asText()).isEqualTo("index");
        assertThat(momentum.path("rule").asText()).isEqualTo("momentum");
        assertThat(momentum.path("readings").asInt()).isEqualTo(45);
        assertThat(momentum.path("extremes").asInt()).isEqualTo(45);
        // Buys at the end of each run's first greedy day (0, 6, ... 42) and sells at the end of the first fearful one,
        // three +2 % days later; the last run (42-44) is still open at the end, two +2 % days in.
        assertThat(momentum.path("trades").asInt()).isEqualTo(8);
        assertThat(momentum.path("open_at_end").asBoolean()).isTrue();
        assertThat(momentum.path("hit_rate").asDouble()).isEqualTo(1.0);
        assertThat(momentum.path("mean_return").asDouble()).isCloseTo((7 * (1.02 * 1.02 * 1.02 - 1) + 1.02 * 1.02 - 1) / 8, within(1e-4));
        assertThat(momentum.path("too_few").asBoolean()).isTrue();  // 8 trades: fewer than 10
        JsonNode contrarian = root.path("results").get(0);
        assertThat(contrarian.path("hit_rate").asDouble()).isZero();
        assertThat(contrarian.path("total_return").asDouble()).isNegative();

        CliTest noPrices = CliTest.run("--db", db.toString(), "index", "backtest", "--coin", "ETH");
        assertThat(noPrices.exitCode()).isEqualTo(2);
        assertThat(noPrices.err()).contains("no prices for ETH: run 'bizcharts prices sync --coin ETH --from DATE' first");
        assertThat(CliTest.run("--db", db.toString(), "index").err()).contains("index needs --from DATE and --to DATE");
    }
}
