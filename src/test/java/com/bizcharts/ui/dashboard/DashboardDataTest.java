package com.bizcharts.ui.dashboard;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.index.MarketFixture;
import com.bizcharts.store.Database;
import com.bizcharts.store.PriceRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** A live update of the dashboard's data equals loading it afresh, and keeps what predictions cannot change. */
class DashboardDataTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anUpdateAfterNewPostsAreScoredEqualsAFreshLoad(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            MarketFixture.fill(db, START, 40, false);
            PriceRepository prices = new PriceRepository(db);
            MarketAnalysis analysis = new MarketAnalysis(db, prices);
            Instant to = START.plus(Duration.ofDays(40));
            DashboardData before = DashboardData.load(analysis, prices, "fixture", Bucket.DAY, START, to, "BTC");

            List<Long> scored = storeScoredPosts(db, START.plus(Duration.ofDays(38)), 30);
            DashboardData updated = DashboardData.update(analysis, before, "fixture", scored);
            DashboardData fresh = DashboardData.load(analysis, prices, "fixture", Bucket.DAY, START, to, "BTC");

            assertThat(updated.sentiment()).isNotEqualTo(before.sentiment()).isEqualTo(fresh.sentiment());
            assertThat(updated.posts()).isEqualTo(fresh.posts()).isEqualTo(before.posts() + scored.size());
            assertThat(updated.latest()).isEqualTo(fresh.latest());
            assertThat(updated.coins()).isEqualTo(fresh.coins());
            assertThat(updated.coins()).extracting(CoinRow::coin).contains("SOL");  // a coin new to the table
            assertThat(updated.leadLag()).isNotEmpty().isEqualTo(fresh.leadLag());
            assertThat(updated.backtests()).isNotEmpty().isEqualTo(fresh.backtests());
            assertThat(updated.prices()).isSameAs(before.prices());  // predictions do not move prices: kept, not re-read
            assertThat(updated.priceCoins()).isEqualTo(fresh.priceCoins());

            assertThat(DashboardData.update(analysis, updated, "fixture", List.of(424_242L))).isSameAs(updated);  // not stored
        }
    }

    /** New threads, each mentioning SOL, with a bullish prediction from the fixture's model: a live poll, scored. */
    private static List<Long> storeScoredPosts(Database db, Instant day, int n) {
        List<ThreadOp> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ops.add(new ThreadOp(900_000L + i, "biz", null, null, "sol szn", null, null, day.plusSeconds(3600 + i * 60L), 0, 0,
                    null, null, false, false, ThreadOp.Source.LIVE));
        }
        new ThreadRepository(db).upsert(ops, day);
        db.writeVoid(ctx -> {
            for (ThreadOp op : ops) {
                ctx.insertInto(PREDICTIONS).set(PREDICTIONS.THREAD_ID, op.threadId()).set(PREDICTIONS.MODEL_ID, "fixture")
                        .set(PREDICTIONS.LABEL, 3L).set(PREDICTIONS.SCORE, 0.7).set(PREDICTIONS.CONFIDENCE, 0.8)
                        .set(PREDICTIONS.P_BEARISH, 0.1).set(PREDICTIONS.P_NEUTRAL, 0.1).set(PREDICTIONS.P_BULLISH, 0.8)
                        .set(PREDICTIONS.IMAGE_STATUS, "missing").set(PREDICTIONS.SCORED_AT, UtcTime.format(day)).execute();
                ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, op.threadId()).set(COIN_MENTIONS.COIN_SYMBOL, "SOL")
                        .set(COIN_MENTIONS.CONFIDENCE, 0.9).set(COIN_MENTIONS.MENTION_SOURCE, "text").execute();
            }
        });
        return ops.stream().map(ThreadOp::threadId).toList();
    }
}
