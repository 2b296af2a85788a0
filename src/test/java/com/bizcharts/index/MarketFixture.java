package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.PricePoint;
import com.bizcharts.store.PriceRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;

/**
 * A store where /biz/ sentiment leads BTC by construction: 25 labelled posts a day, all bullish on "greedy" days
 * (runs of three) and all bearish on "fearful" ones; BTC's daily close then moves +2 % after a greedy day and -2 %
 * after a fearful one. So the index at lag 0 over 24 h correlates perfectly with the next day's return, greedy days
 * read about 77 (extreme greed) and fearful ones about 23 (extreme fear).
 */
public final class MarketFixture {

    public static final int POSTS_PER_DAY = 25;

    private MarketFixture() {}

    /** The return from the end of day d to the end of day d + 1. */
    static double move(int day, int days) {
        return day < 0 || day >= days ? 0 : greedy(day) ? 0.02 : -0.02;
    }

    public static boolean greedy(int day) {
        return (day / 3) % 2 == 0;
    }

    /** Posts, labels (given an hour after posting, so in time), BTC/ETH mentions and BTC daily (and, if asked, hourly) prices. */
    public static void fill(Database db, Instant start, int days, boolean hourly) {
        List<ThreadOp> ops = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < POSTS_PER_DAY; i++) {
                long id = 10_000L + d * 100L + i;
                ops.add(new ThreadOp(id, "biz", i == 0 ? "BTC general" : null, null, "post " + id, null, null,
                        start.plus(Duration.ofDays(d)).plusSeconds(600 + i * 60L), 3, 0, null, null, false, false, ThreadOp.Source.LIVE));
            }
        }
        new ThreadRepository(db).upsert(ops, start);
        LabelRepository labels = new LabelRepository(db);
        db.writeVoid(ctx -> {
            for (ThreadOp op : ops) {
                int day = (int) Duration.between(start, op.postedAt()).toDays();
                labels.save(ctx, Label.rated(op.threadId(), greedy(day) ? 3 : 1, "fixture", op.postedAt().plusSeconds(3600), null, null));
                if (op.threadId() % 100 < 5) {
                    ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, op.threadId())
                            .set(COIN_MENTIONS.COIN_SYMBOL, op.threadId() % 100 < 4 ? "BTC" : "ETH")
                            .set(COIN_MENTIONS.CONFIDENCE, 0.95).set(COIN_MENTIONS.MENTION_SOURCE, "text").execute();
                }
            }
        });
        List<PricePoint> bars = new ArrayList<>();
        double previous = 100_000;  // the close of day -1
        for (int d = -1; d <= days + 7; d++) {
            double move = move(d - 1, days);  // the day before decides how this one goes
            double close = d == -1 ? previous : previous * (1 + move);
            Instant ts = start.plus(Duration.ofDays(d));
            if (hourly) {
                for (int h = 0; h < 24; h++) {
                    bars.add(new PricePoint("BTC", "binance", "1h", ts.plus(Duration.ofHours(h)), null, null, null,
                            previous * (1 + move * (h + 1) / 24.0), null, start));
                }
            }
            bars.add(new PricePoint("BTC", "binance", "1d", ts, null, null, null, close, null, start));
            previous = close;
        }
        new PriceRepository(db).insertNew(bars);
    }
}
