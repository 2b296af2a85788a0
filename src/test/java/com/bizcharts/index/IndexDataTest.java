package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class IndexDataTest {

    private static final Instant DAY1 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void usesOnlyWhatWasKnownByTheEndOfEachBucket(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("i.db"))) {
            ThreadRepository threads = new ThreadRepository(db);
            threads.upsert(List.of(op(1, DAY1.plusSeconds(3600)), op(2, DAY1.plusSeconds(7200))), DAY1.plusSeconds(7200));
            db.writeVoid(ctx -> {
                threads.addObservation(ctx, 1, DAY1.plusSeconds(4000), 5, 0, 1);
                threads.addObservation(ctx, 1, DAY1.plus(Duration.ofHours(20)), 25, 0, 1);
                threads.addObservation(ctx, 1, DAY1.plus(Duration.ofDays(3)), 300, 0, 1);   // after the day: not used
                for (long id : new long[]{1, 2}) {
                    ctx.insertInto(PREDICTIONS).set(PREDICTIONS.THREAD_ID, id).set(PREDICTIONS.MODEL_ID, "m")
                            .set(PREDICTIONS.LABEL, 3L).set(PREDICTIONS.SCORE, 0.6).set(PREDICTIONS.CONFIDENCE, 0.7)
                            .set(PREDICTIONS.P_BEARISH, 0.1).set(PREDICTIONS.P_NEUTRAL, 0.2).set(PREDICTIONS.P_BULLISH, 0.7)
                            .set(PREDICTIONS.IMAGE_STATUS, "missing").set(PREDICTIONS.SCORED_AT, UtcTime.format(DAY1)).execute();
                }
                ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, 1L).set(COIN_MENTIONS.COIN_SYMBOL, "BTC")
                        .set(COIN_MENTIONS.CONFIDENCE, 0.95).set(COIN_MENTIONS.MENTION_SOURCE, "text").execute();
            });
            LabelRepository labels = new LabelRepository(db);
            labels.save(Label.rated(1, 1, "alice", DAY1.plusSeconds(5000), null, null));          // in time: counts
            labels.save(Label.rated(2, 1, "alice", DAY1.plus(Duration.ofDays(5)), null, null));   // hindsight: ignored

            List<List<PostSignal>> buckets = new IndexData(db).posts("m", Bucket.DAY, DAY1, DAY1.plus(Duration.ofDays(2)));
            assertThat(buckets).hasSize(2);
            assertThat(buckets.get(1)).isEmpty();
            PostSignal first = buckets.get(0).stream().filter(p -> p.postedAt() == DAY1.getEpochSecond() + 3600).findFirst().orElseThrow();
            assertThat(first.pBear()).isEqualTo(1.0);        // the human label given that day
            assertThat(first.replies()).isEqualTo(25);       // last observation before the day ended
            assertThat(first.growth()).isEqualTo(20);
            assertThat(first.coins()).containsExactly("BTC");
            PostSignal second = buckets.get(0).stream().filter(p -> p.postedAt() == DAY1.getEpochSecond() + 7200).findFirst().orElseThrow();
            assertThat(second.pBull()).isEqualTo(0.7);       // the later label is hindsight: the model's view is used
            assertThat(second.replies()).isZero();

            var rows = CoinSentiment.compute(Bucket.DAY, DAY1, buckets.stream().map(BucketTotals::of).toList());
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.coin()).isEqualTo("BTC");
                assertThat(r.bearish()).isEqualTo(1);
                assertThat(r.sentiment()).isEqualTo(-1.0);
            });
        }
    }

    @Test
    void leavesOutStickiesUnsureCoinsAndUnscoredPostsButCountsThem(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("i.db"))) {
            ThreadRepository threads = new ThreadRepository(db);
            ThreadOp sticky = new ThreadOp(3, "biz", null, null, "rules", null, null, DAY1.plusSeconds(60), 0, 0, null, null, true,
                    false, ThreadOp.Source.LIVE);
            threads.upsert(List.of(op(1, DAY1.plusSeconds(3600)), op(2, DAY1.plusSeconds(7200)), sticky), DAY1.plusSeconds(7200));
            db.writeVoid(ctx -> {
                for (long id : new long[]{1, 3}) {
                    ctx.insertInto(PREDICTIONS).set(PREDICTIONS.THREAD_ID, id).set(PREDICTIONS.MODEL_ID, "m")
                            .set(PREDICTIONS.LABEL, 3L).set(PREDICTIONS.SCORE, 0.6).set(PREDICTIONS.CONFIDENCE, 0.7)
                            .set(PREDICTIONS.P_BEARISH, 0.1).set(PREDICTIONS.P_NEUTRAL, 0.2).set(PREDICTIONS.P_BULLISH, 0.7)
                            .set(PREDICTIONS.IMAGE_STATUS, "missing").set(PREDICTIONS.SCORED_AT, UtcTime.format(DAY1)).execute();
                }
                for (String[] m : new String[][]{{"BTC", "subject", "0.9"}, {"BTC", "text", "0.8"}, {"ETH", "text", "0.5"}}) {
                    ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, 1L).set(COIN_MENTIONS.COIN_SYMBOL, m[0])
                            .set(COIN_MENTIONS.MENTION_SOURCE, m[1]).set(COIN_MENTIONS.CONFIDENCE, Double.parseDouble(m[2])).execute();
                }
            });
            IndexData data = new IndexData(db);

            List<PostSignal> posts = data.posts("m", Bucket.DAY, DAY1, DAY1.plus(Duration.ofDays(1))).get(0);
            assertThat(posts).singleElement().satisfies(p -> assertThat(p.coins()).containsExactly("BTC"));  // ETH below 0.55
            BucketTotals totals = data.totals("m", Bucket.DAY, DAY1, DAY1.plus(Duration.ofDays(1))).get(0);
            assertThat(totals.stored()).isEqualTo(2);    // the sticky is not a post of the index
            assertThat(totals.unscored()).isEqualTo(1);  // post 2: no prediction from m, no label
            assertThat(totals.posts()).isEqualTo(1);
            assertThat(totals.coins()).containsOnlyKeys("BTC");
            assertThat(data.totalsAt("m", Bucket.HOUR, List.of(DAY1.plusSeconds(7200), DAY1.plusSeconds(3600))))
                    .extracting(BucketTotals::stored, BucketTotals::posts).containsExactly(tuple(1, 0), tuple(1, 1));
            assertThat(data.postedAt(List.of(2L, 1L, 99L))).containsExactlyInAnyOrder(DAY1.plusSeconds(3600), DAY1.plusSeconds(7200));
        }
    }

    private static ThreadOp op(long id, Instant posted) {
        return new ThreadOp(id, "biz", null, null, "t", null, null, posted, 0, 0, null, null, false, false, ThreadOp.Source.LIVE);
    }
}
