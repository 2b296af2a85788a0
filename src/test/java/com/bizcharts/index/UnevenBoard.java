package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;

/**
 * A small store with every case the point-in-time rules care about, drawn at random from a seed: uneven days (some
 * empty), thread numbers out of posting order, stickies, posts the model has not scored, a second model, labels in
 * time and in hindsight (and from two labelers, and skipped), observations before and after a bucket's end, coin
 * mentions on both sides of the confidence cut and the same coin from subject and text.
 */
final class UnevenBoard {

    static final String MODEL = "m";
    static final List<String> COINS = List.of("BTC", "ETH", "LINK", "SOL");

    /** One generated post, as the tests need to know it. */
    record Post(long id, Instant postedAt, boolean sticky, boolean scored) {}

    private final Database db;
    private final Random rnd;
    final List<Post> posts = new ArrayList<>();

    private UnevenBoard(Database db, long seed) {
        this.db = db;
        this.rnd = new Random(seed);
    }

    static UnevenBoard fill(Database db, Instant start, int days, long seed) {
        UnevenBoard board = new UnevenBoard(db, seed);
        board.generate(start, days);
        return board;
    }

    private void generate(Instant start, int days) {
        List<Instant> times = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            int n = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(25);  // a quarter of the days empty
            for (int i = 0; i < n; i++) times.add(day(start, d).plusSeconds(rnd.nextInt(86_400)));
        }
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) numbers.add(1_000L + i * 3L);
        Collections.shuffle(numbers, rnd);  // thread numbers out of posting order
        List<ThreadOp> ops = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            long number = numbers.get(i);
            boolean sticky = rnd.nextInt(30) == 0;
            ops.add(new ThreadOp(number, "biz", null, null, "post " + number, null, null, times.get(i), 0, 0, null, null, sticky,
                    false, ThreadOp.Source.LIVE));
            posts.add(new Post(number, times.get(i), sticky, rnd.nextInt(7) != 0));
        }
        ThreadRepository threads = new ThreadRepository(db);
        threads.upsert(ops, start);
        LabelRepository labels = new LabelRepository(db);
        db.writeVoid(ctx -> {
            for (Post p : posts) {
                if (p.scored()) predict(ctx, p.id(), MODEL);
                if (rnd.nextBoolean()) predict(ctx, p.id(), "other");
                for (int k = rnd.nextInt(5) - 2; k > 0; k--) {  // a few posts labelled, some twice
                    Instant at = p.postedAt().plusSeconds(rnd.nextLong(2 * 86_400L));
                    labels.save(ctx, rnd.nextInt(8) == 0 ? Label.skip(p.id(), "labeler" + k, at)
                            : Label.rated(p.id(), 1 + rnd.nextInt(3), "labeler" + k, at, null, null));
                }
                Instant seen = p.postedAt();
                for (int k = rnd.nextInt(5); k > 0; k--) {
                    seen = seen.plusSeconds(60 + rnd.nextInt(12 * 3600));
                    threads.addObservation(ctx, p.id(), seen, rnd.nextInt(300), 0, 1);
                }
                for (String coin : COINS) {
                    if (rnd.nextInt(4) != 0) continue;
                    mention(ctx, p.id(), coin, "text");
                    if (rnd.nextBoolean()) mention(ctx, p.id(), coin, "subject");
                }
            }
        });
    }

    /** Stores (or replaces) a prediction drawn at random, as if the model had just scored the post. */
    void predict(DSLContext ctx, long id, String model) {
        double bull = rnd.nextDouble(), bear = rnd.nextDouble() * (1 - bull);
        ctx.insertInto(PREDICTIONS).set(PREDICTIONS.THREAD_ID, id).set(PREDICTIONS.MODEL_ID, model)
                .set(PREDICTIONS.LABEL, 3L).set(PREDICTIONS.SCORE, bull - bear).set(PREDICTIONS.CONFIDENCE, 0.3 + 0.7 * rnd.nextDouble())
                .set(PREDICTIONS.P_BEARISH, bear).set(PREDICTIONS.P_NEUTRAL, 1 - bull - bear).set(PREDICTIONS.P_BULLISH, bull)
                .set(PREDICTIONS.SARCASM, rnd.nextDouble()).set(PREDICTIONS.IMAGE_STATUS, "missing")
                .set(PREDICTIONS.SCORED_AT, UtcTime.format(Instant.EPOCH))
                .onConflict(PREDICTIONS.THREAD_ID, PREDICTIONS.MODEL_ID).doUpdate()
                .set(PREDICTIONS.P_BULLISH, bull).set(PREDICTIONS.P_BEARISH, bear).set(PREDICTIONS.P_NEUTRAL, 1 - bull - bear)
                .execute();
    }

    private void mention(DSLContext ctx, long id, String coin, String source) {
        ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, id).set(COIN_MENTIONS.COIN_SYMBOL, coin)
                .set(COIN_MENTIONS.CONFIDENCE, 0.3 + 0.7 * rnd.nextDouble()).set(COIN_MENTIONS.MENTION_SOURCE, source).execute();
    }

    Random random() {
        return rnd;
    }

    static Instant day(Instant start, int d) {
        return start.plus(Duration.ofDays(d));
    }
}
