package com.bizcharts.store;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.jooq.impl.DSL.val;

/**
 * A generated board for {@code bench index}: posts spread over a span of days with a monthly swing in activity,
 * predictions from one model for all but 1 % of them, human labels on 1 % (some given in time, some in hindsight),
 * one to four engagement observations on 60 % (some after their day ended) and coin mentions on 40 % (some below the
 * index's confidence cut), a sticky every 5,000 posts. Written in one transaction with batched prepared statements,
 * deterministic for a seed, so two runs measure the same store.
 */
public final class SyntheticBoard {

    public static final String MODEL_ID = "bench-model";

    private static final String[] COINS = {"BTC", "BTC", "BTC", "ETH", "ETH", "SOL", "LINK", "XMR", "DOGE", "PEPE",
            "ADA", "XRP", "AVAX", "DOT", "MATIC", "LTC", "BNB", "TRX", "SHIB", "ATOM"};
    private static final int POSTS_PER_FLUSH = 10_000;

    /** Ids of the generated posts are {@code FIRST_ID + i}, in posting order. */
    public static final long FIRST_ID = 50_000_000L;

    private SyntheticBoard() {}

    /**
     * The board at {@code file}, generated there unless it already holds {@code posts} posts.
     *
     * @return whether it was generated now
     * @throws IllegalArgumentException when the file holds another number of posts (another board, or a real store)
     */
    public static boolean ensure(Path file, int posts, Instant start, int days, long seed) {
        try (Database db = Database.open(file)) {
            int held = new ThreadRepository(db).count();
            if (held == posts) return false;
            if (held != 0) throw new IllegalArgumentException(file + " holds " + held + " posts, not " + posts + ": pass another path");
            generate(db, posts, start, days, seed);
            return true;
        }
    }

    /** Fresh predictions for these generated posts, as the scoring service stores a batch: in one transaction. */
    public static void rescore(Path file, List<Long> threadIds, long seed) {
        try (Database db = Database.open(file)) {
            rescore(db, threadIds, seed);
        }
    }

    public static void generate(Database db, int posts, Instant start, int days, long seed) {
        long[] postedAt = postingTimes(posts, start, days, new Random(seed));
        Random rnd = new Random(seed + 1);
        db.writeVoid(ctx -> {
            Batch ops = new Batch(ctx, THREAD_OPS, THREAD_OPS.THREAD_ID, THREAD_OPS.SUBJECT, THREAD_OPS.POSTED_AT,
                    THREAD_OPS.STICKY, THREAD_OPS.SOURCE, THREAD_OPS.FIRST_SEEN_AT, THREAD_OPS.LAST_SEEN_AT);
            Batch predictions = new Batch(ctx, PREDICTIONS, PREDICTIONS.THREAD_ID, PREDICTIONS.MODEL_ID, PREDICTIONS.LABEL,
                    PREDICTIONS.SCORE, PREDICTIONS.CONFIDENCE, PREDICTIONS.P_BEARISH, PREDICTIONS.P_NEUTRAL,
                    PREDICTIONS.P_BULLISH, PREDICTIONS.SARCASM, PREDICTIONS.IMAGE_STATUS, PREDICTIONS.SCORED_AT);
            Batch labels = new Batch(ctx, TRAINING_LABELS, TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.RATING,
                    TRAINING_LABELS.LABELER_ID, TRAINING_LABELS.LABELED_AT);
            Batch observations = new Batch(ctx, THREAD_OBSERVATIONS, THREAD_OBSERVATIONS.THREAD_ID,
                    THREAD_OBSERVATIONS.OBSERVED_AT, THREAD_OBSERVATIONS.REPLY_COUNT, THREAD_OBSERVATIONS.IMAGE_COUNT);
            Batch mentions = new Batch(ctx, COIN_MENTIONS, COIN_MENTIONS.THREAD_ID, COIN_MENTIONS.COIN_SYMBOL,
                    COIN_MENTIONS.CONFIDENCE, COIN_MENTIONS.MENTION_SOURCE);
            for (int i = 0; i < posts; i++) {
                long id = FIRST_ID + i;
                String posted = UtcTime.format(Instant.ofEpochSecond(postedAt[i]));
                ops.add(id, "post " + id, posted, i % 5000 == 0 ? 1L : 0L, "live", posted, posted);
                if (i % 100 != 7) predictions.add(prediction(id, posted, rnd));
                if (i % 100 == 3) {
                    labels.add(id, (long) (1 + rnd.nextInt(3)), "bench",
                            UtcTime.format(Instant.ofEpochSecond(postedAt[i] + rnd.nextInt(3 * 86_400))));
                }
                if (rnd.nextInt(10) < 6) {
                    long seen = postedAt[i];
                    long replies = 0;
                    for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                        seen += 600 + rnd.nextInt(4 * 3600);
                        replies += rnd.nextInt(40);
                        observations.add(id, UtcTime.format(Instant.ofEpochSecond(seen)), replies, replies / 5);
                    }
                }
                if (rnd.nextInt(10) < 4) {
                    String first = COINS[rnd.nextInt(COINS.length)];
                    mentions.add(id, first, 0.4 + 0.6 * rnd.nextDouble(), "text");
                    String second = COINS[rnd.nextInt(COINS.length)];
                    if (rnd.nextInt(4) == 0 && !second.equals(first)) mentions.add(id, second, 0.4 + 0.6 * rnd.nextDouble(), "text");
                }
                // Posts first: the other rows refer to them.
                if ((i + 1) % POSTS_PER_FLUSH == 0 || i == posts - 1) {
                    for (Batch b : List.of(ops, predictions, labels, observations, mentions)) b.flush();
                }
            }
        });
    }

    public static void rescore(Database db, List<Long> threadIds, long seed) {
        Random rnd = new Random(seed);
        db.writeVoid(ctx -> {
            Batch predictions = new Batch(ctx, PREDICTIONS, PREDICTIONS.THREAD_ID, PREDICTIONS.MODEL_ID, PREDICTIONS.LABEL,
                    PREDICTIONS.SCORE, PREDICTIONS.CONFIDENCE, PREDICTIONS.P_BEARISH, PREDICTIONS.P_NEUTRAL,
                    PREDICTIONS.P_BULLISH, PREDICTIONS.SARCASM, PREDICTIONS.IMAGE_STATUS, PREDICTIONS.SCORED_AT);
            for (List<Long> ids : SqlBatches.idChunks(threadIds)) {
                ctx.deleteFrom(PREDICTIONS).where(PREDICTIONS.MODEL_ID.eq(MODEL_ID)).and(PREDICTIONS.THREAD_ID.in(ids)).execute();
            }
            for (long id : threadIds) predictions.add(prediction(id, UtcTime.format(Instant.now()), rnd));
            predictions.flush();
        });
    }

    /** Sorted posting times: each day's share follows a 30-day swing, so the index's activity component moves. */
    private static long[] postingTimes(int posts, Instant start, int days, Random rnd) {
        double[] weight = new double[days];
        double total = 0;
        for (int d = 0; d < days; d++) total += weight[d] = 1 + 0.4 * Math.sin(2 * Math.PI * d / 30) + 0.2 * rnd.nextDouble();
        long[] t = new long[posts];
        int i = 0;
        for (int d = 0; d < days && i < posts; d++) {
            int n = d == days - 1 ? posts - i : (int) Math.min(posts - i, Math.round(posts * weight[d] / total));
            long dayStart = start.plus(Duration.ofDays(d)).getEpochSecond();
            for (int k = 0; k < n; k++) t[i++] = dayStart + rnd.nextInt(86_400);
        }
        while (i < posts) t[i++] = start.getEpochSecond() + rnd.nextInt(86_400);
        Arrays.sort(t);
        return t;
    }

    private static Object[] prediction(long id, String posted, Random rnd) {
        double bull = rnd.nextDouble(), bear = rnd.nextDouble() * (1 - bull), neutral = 1 - bull - bear;
        long label = bull >= bear && bull >= neutral ? 3 : bear >= neutral ? 1 : 2;
        double confidence = Math.max(bull, Math.max(bear, neutral));
        return new Object[]{id, MODEL_ID, label, bull - bear, confidence, bear, neutral, bull, rnd.nextDouble() * 0.6,
                "missing", posted};
    }

    /** One prepared insert, bound row by row and executed as one JDBC batch. */
    private static final class Batch {
        private final Query insert;
        private final DSLContext ctx;
        private BatchBindStep step;

        Batch(DSLContext ctx, Table<?> table, Field<?>... columns) {
            this.ctx = ctx;
            this.insert = ctx.insertInto(table).columns(columns).values(Arrays.stream(columns).<Field<?>>map(c -> val(null, c)).toList());
        }

        void add(Object... values) {
            if (step == null) step = ctx.batch(insert);
            step = step.bind(values);
        }

        void flush() {
            if (step != null) step.execute();
            step = null;
        }
    }
}
