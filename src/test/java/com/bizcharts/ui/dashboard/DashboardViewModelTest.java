package com.bizcharts.ui.dashboard;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.MarketFixture;
import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.PriceRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.ui.common.UiExecutors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewModelTest {

    @Test
    void refreshFillsTheSeriesTheLatestValueAndTheCoins(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            Instant day = Instant.parse("2026-05-10T09:00:00Z");
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                ops.add(new ThreadOp(i + 1, "biz", null, null, "t", null, null, day.plusSeconds(i * 60L), 0, 0, null, null,
                        false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(db).upsert(ops, day);
            LabelRepository labels = new LabelRepository(db);
            for (int i = 0; i < 25; i++) labels.save(Label.rated(i + 1, 3, "a", day.plusSeconds(3600), null, null));
            db.writeVoid(ctx -> ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, 1L).set(COIN_MENTIONS.COIN_SYMBOL, "SOL")
                    .set(COIN_MENTIONS.CONFIDENCE, 0.95).set(COIN_MENTIONS.MENTION_SOURCE, "subject").execute());
            DashboardViewModel vm = new DashboardViewModel(new com.bizcharts.index.MarketAnalysis(db, new PriceRepository(db)), new PriceRepository(db), () -> "none", UiExecutors.sameThread(),
                    Clock.fixed(Instant.parse("2026-05-10T18:00:00Z"), ZoneOffset.UTC));
            assertThat(vm.toProperty().get()).isEqualTo(LocalDate.parse("2026-05-10"));
            vm.fromProperty().set(LocalDate.parse("2026-04-11"));
            vm.refresh();
            assertThat(vm.series()).hasSize(30);
            assertThat(vm.latestProperty().get().bucket()).isEqualTo(Instant.parse("2026-05-10T00:00:00Z"));
            assertThat(vm.latestProperty().get().value()).isGreaterThan(70);
            assertThat(vm.coins()).singleElement().satisfies(r -> {
                assertThat(r.coin()).isEqualTo("SOL");
                assertThat(r.sentimentSpark()).hasSize(30);
                assertThat(r.priceSpark()).isEmpty();  // no SOL prices stored
            });
            assertThat(vm.statusProperty().get()).contains("25 posts").contains("no BTC prices stored: run 'bizcharts prices sync --coin BTC");
            assertThat(vm.backtests()).isEmpty();  // no prices, nothing to trade: the table says so rather than showing zeros
            assertThat(vm.leadLag()).isEmpty();
            assertThat(vm.coinDetailProperty().get().coin()).isEqualTo("SOL");  // the first coin is shown until one is picked
        }
    }

    @Test
    void pricesOverlayTheIndexAndFeedLeadLagBacktestSparklinesAndTheCoinDetail(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            MarketFixture.fill(db, Instant.parse("2026-01-01T00:00:00Z"), 40, true);
            DashboardViewModel vm = new DashboardViewModel(new com.bizcharts.index.MarketAnalysis(db, new PriceRepository(db)), new PriceRepository(db), () -> "fixture", UiExecutors.sameThread(),
                    Clock.fixed(Instant.parse("2026-02-09T12:00:00Z"), ZoneOffset.UTC));
            vm.fromProperty().set(LocalDate.parse("2026-01-01"));
            vm.refresh();
            assertThat(vm.series()).hasSize(40);
            assertThat(vm.priceSeriesProperty().get().barLength()).isEqualTo(Bucket.HOUR.length());  // hourly bars preferred
            assertThat(vm.priceCoins()).containsExactly("BTC");
            CoinRow btc = vm.coins().get(0);
            assertThat(btc.coin()).isEqualTo("BTC");
            assertThat(btc.mentions()).isEqualTo(40 * 4);
            assertThat(btc.priceSpark()).hasSize(40).doesNotContain(Double.NaN);
            assertThat(vm.coins()).extracting(CoinRow::coin).containsExactly("BTC", "ETH");
            assertThat(vm.coins().get(1).priceSpark()).isEmpty();

            var lag0 = vm.leadLag().stream().filter(c -> c.signal().equals("index") && c.lag() == 0 && c.horizonLabel().equals("24h"))
                    .findFirst().orElseThrow();
            assertThat(lag0.n()).isEqualTo(40);
            assertThat(lag0.pearson()).isGreaterThan(0.99);
            var hourly = vm.leadLag().stream().filter(c -> c.horizonLabel().equals("1h") && c.lag() == 0).findFirst().orElseThrow();
            assertThat(hourly.n()).isEqualTo(40);  // hourly prices serve the 1 h horizon too
            assertThat(vm.backtests()).hasSize(4);
            assertThat(vm.backtests().get(1).hitRate()).isEqualTo(1.0);  // momentum on the index, by construction

            vm.selectCoin("ETH");
            assertThat(vm.coinDetailProperty().get().coin()).isEqualTo("ETH");
            assertThat(vm.coinDetailProperty().get().rows()).hasSize(40);
            assertThat(vm.coinDetailProperty().get().prices().isEmpty()).isTrue();
            vm.selectCoin("BTC");
            assertThat(vm.coinDetailProperty().get().prices().size()).isGreaterThan(40 * 24);

            vm.bucketProperty().set(Bucket.HOUR);
            vm.fromProperty().set(LocalDate.parse("2026-02-01"));
            vm.toProperty().set(LocalDate.parse("2026-02-02"));
            vm.refresh();
            assertThat(vm.series()).hasSize(48);
            assertThat(vm.leadLag()).anyMatch(c -> c.lag() == 24);  // hourly buckets look a day either side

            vm.toProperty().set(LocalDate.parse("2026-01-01"));
            vm.refresh();
            assertThat(vm.statusProperty().get()).startsWith("choose a range");
        }
    }

    @Test
    void newPredictionsReachTheDashboardWithoutAFullReloadAndOnlyWhileItIsShown(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            Instant day = Instant.parse("2026-05-10T09:00:00Z");
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ops.add(new ThreadOp(i + 1, "biz", null, null, "t", null, null, day.plusSeconds(i * 60L), 0, 0, null, null,
                        false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(db).upsert(ops, day);
            var predictions = new com.bizcharts.sentiment.scoring.PredictionRepository(db);
            java.util.function.IntFunction<com.bizcharts.sentiment.scoring.PredictionRepository.Stored> bullish = id ->
                    new com.bizcharts.sentiment.scoring.PredictionRepository.Stored(id, new com.bizcharts.sentiment.Prediction("m",
                            com.bizcharts.store.labels.SentimentLabel.BULLISH, 0.8, 0.9, new double[]{0.05, 0.05, 0.9}, 0, null,
                            com.bizcharts.store.labels.SentimentLabel.BULLISH, com.bizcharts.sentiment.ImageStatus.MISSING, List.of()), day);
            List<com.bizcharts.sentiment.scoring.PredictionRepository.Stored> first = new ArrayList<>();
            for (int i = 1; i <= 10; i++) first.add(bullish.apply(i));
            predictions.saveAll(first);

            DashboardViewModel vm = new DashboardViewModel(new com.bizcharts.index.MarketAnalysis(db, new PriceRepository(db)),
                    new PriceRepository(db), () -> "m", UiExecutors.sameThread(), Clock.fixed(Instant.parse("2026-05-10T18:00:00Z"), ZoneOffset.UTC));
            vm.refresh();
            assertThat(vm.statusProperty().get()).startsWith("model m · 10 posts (30 more in this range not scored by it yet)");

            List<com.bizcharts.sentiment.scoring.PredictionRepository.Stored> more = new ArrayList<>();
            for (int i = 11; i <= 25; i++) more.add(bullish.apply(i));
            predictions.saveAll(more);
            vm.scored(more.stream().map(com.bizcharts.sentiment.scoring.PredictionRepository.Stored::threadId).toList());
            vm.refreshLive();
            assertThat(vm.statusProperty().get()).startsWith("model m · 25 posts (15 more in this range not scored by it yet)");

            vm.setVisible(false); // another tab: nothing is read, the dashboard catches up when shown
            List<com.bizcharts.sentiment.scoring.PredictionRepository.Stored> rest = new ArrayList<>();
            for (int i = 26; i <= 40; i++) rest.add(bullish.apply(i));
            predictions.saveAll(rest);
            vm.scored(rest.stream().map(com.bizcharts.sentiment.scoring.PredictionRepository.Stored::threadId).toList());
            vm.refreshLive();
            assertThat(vm.statusProperty().get()).startsWith("model m · 25 posts");
            vm.setVisible(true);
            assertThat(vm.statusProperty().get()).startsWith("model m · 40 posts · ");
        }
    }
}
