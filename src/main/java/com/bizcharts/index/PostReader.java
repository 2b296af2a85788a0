package com.bizcharts.index;

import com.bizcharts.store.StoreException;
import com.bizcharts.store.UtcTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

/**
 * Reads the posts of a span of time point-in-time, one span at a time on one connection (see {@link IndexData}).
 *
 * <p>The posts come by posting time; their labels, observations and coin mentions come by thread number within the
 * span's lowest and highest thread. 4chan numbers a board's threads in posting order, so that range holds little
 * beyond the span's own threads and each table is read along its index instead of looked up post by post (a
 * third of the time at a million posts). Were numbers not in posting order the reads would stay right, only slower.
 * Rows are read straight off JDBC, times as epoch seconds from SQLite: at a million posts, jOOQ records and parsed
 * timestamps cost more than SQLite does.
 */
final class PostReader implements AutoCloseable {

    /** The index counts a coin only when the extractor was at least this sure of the mention. */
    static final double MIN_COIN_CONFIDENCE = 0.55;

    /** What the reader hands on, per stored post, in posting order. */
    interface Sink {
        void stored(int bucket, boolean scored);

        /** A post that counts: a prediction from the model or a human label given in time. */
        void post(int bucket, PostSignal post);
    }

    private static final Param<String> MODEL = param("model", String.class);
    private static final Param<String> FROM = param("from", String.class), TO = param("to", String.class);
    private static final Param<Long> LOW = param("low", Long.class), HIGH = param("high", Long.class);

    private final Statement posts, labels, observations, coins;

    /** Prepares the four reads once: rendering a jOOQ query costs about as much as running it on a day's posts. */
    PostReader(DSLContext ctx, Connection connection) {
        try {
            posts = new Statement(connection, ctx.select(THREAD_OPS.THREAD_ID, epoch(THREAD_OPS.POSTED_AT), PREDICTIONS.P_BEARISH,
                            PREDICTIONS.P_NEUTRAL, PREDICTIONS.P_BULLISH, PREDICTIONS.CONFIDENCE, PREDICTIONS.SARCASM)
                    .from(THREAD_OPS).leftJoin(PREDICTIONS).on(PREDICTIONS.THREAD_ID.eq(THREAD_OPS.THREAD_ID)).and(PREDICTIONS.MODEL_ID.eq(MODEL))
                    .where(THREAD_OPS.POSTED_AT.ge(FROM)).and(THREAD_OPS.POSTED_AT.lt(TO)).and(THREAD_OPS.STICKY.eq(inline(0L)))
                    .orderBy(THREAD_OPS.POSTED_AT, THREAD_OPS.THREAD_ID));
            // Ordered by time, so the latest label of a thread is the one that stays.
            labels = new Statement(connection, ctx.select(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.RATING, epoch(TRAINING_LABELS.LABELED_AT))
                    .from(TRAINING_LABELS).where(TRAINING_LABELS.THREAD_ID.between(LOW, HIGH)).and(TRAINING_LABELS.SKIPPED.eq(inline(0L)))
                    .orderBy(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.LABELED_AT, TRAINING_LABELS.ID));
            observations = new Statement(connection, ctx.select(THREAD_OBSERVATIONS.THREAD_ID, epoch(THREAD_OBSERVATIONS.OBSERVED_AT),
                            THREAD_OBSERVATIONS.REPLY_COUNT)
                    .from(THREAD_OBSERVATIONS).where(THREAD_OBSERVATIONS.THREAD_ID.between(LOW, HIGH))
                    .and(THREAD_OBSERVATIONS.OBSERVED_AT.lt(TO))  // later ones are past every bucket's end in the span
                    .orderBy(THREAD_OBSERVATIONS.THREAD_ID, THREAD_OBSERVATIONS.OBSERVED_AT, THREAD_OBSERVATIONS.ID));
            coins = new Statement(connection, ctx.select(COIN_MENTIONS.THREAD_ID, COIN_MENTIONS.COIN_SYMBOL).from(COIN_MENTIONS)
                    .where(COIN_MENTIONS.THREAD_ID.between(LOW, HIGH)).and(COIN_MENTIONS.CONFIDENCE.ge(inline(MIN_COIN_CONFIDENCE)))
                    .orderBy(COIN_MENTIONS.THREAD_ID, COIN_MENTIONS.COIN_SYMBOL));
        } catch (SQLException e) {
            close();
            throw failed(e);
        }
    }

    /** Posts of {@code [from, to)}; bucket numbers count from {@code origin}, a bucket boundary. */
    void read(String modelId, Bucket bucket, Instant origin, Instant from, Instant to, Sink sink) {
        try {
            readSpan(modelId, bucket.length().toSeconds(), origin.getEpochSecond(), UtcTime.format(from), UtcTime.format(to), sink);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void readSpan(String modelId, long length, long origin, String from, String to, Sink sink) throws SQLException {
        List<Post> inOrder = new ArrayList<>();
        try (ResultSet r = posts.run(Map.of(MODEL.getParamName(), modelId, FROM.getParamName(), from, TO.getParamName(), to))) {
            while (r.next()) {
                Post p = new Post(r.getLong(1), r.getLong(2), length, origin);
                double bear = r.getDouble(3);
                if (!r.wasNull()) p.predicted(bear, r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7));
                inOrder.add(p);
            }
        }
        if (inOrder.isEmpty()) return;
        Post[] byId = inOrder.toArray(Post[]::new);
        Arrays.sort(byId, Comparator.comparingLong(p -> p.id));
        Map<String, Object> range = Map.of(LOW.getParamName(), byId[0].id, HIGH.getParamName(), byId[byId.length - 1].id,
                TO.getParamName(), to);
        // Each table comes by thread number, so its rows meet the posts (sorted the same way) in one pass.
        try (ResultSet r = labels.run(range)) {
            for (Walk w = new Walk(byId); r.next(); ) {
                Post p = w.to(r.getLong(1));
                if (p != null) p.labeled(r.getInt(2), r.getLong(3));
            }
        }
        try (ResultSet r = observations.run(range)) {
            for (Walk w = new Walk(byId); r.next(); ) {
                Post p = w.to(r.getLong(1));
                if (p != null) p.observed(r.getLong(2), r.getLong(3));
            }
        }
        try (ResultSet r = coins.run(range)) {
            for (Walk w = new Walk(byId); r.next(); ) {
                Post p = w.to(r.getLong(1));
                if (p != null) p.mentions(r.getString(2));
            }
        }
        for (Post p : inOrder) {
            sink.stored(p.bucket, p.scored);
            PostSignal signal = p.signal();
            if (signal != null) sink.post(p.bucket, signal);
        }
    }

    private static Field<Long> epoch(Field<String> isoTime) {
        return field("unixepoch({0})", Long.class, isoTime);
    }

    private static StoreException failed(SQLException e) {
        return new StoreException("reading posts for the index failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        for (Statement s : new Statement[]{posts, labels, observations, coins}) if (s != null) s.close();
    }

    /** A query rendered and prepared once, run with its named parameters bound anew each time. */
    private static final class Statement {
        private final PreparedStatement prepared;
        private final List<String> names;

        Statement(Connection connection, Query query) throws SQLException {
            this.prepared = connection.prepareStatement(query.getSQL());
            this.names = query.getParams().values().stream().filter(p -> !p.isInline()).map(Param::getParamName).toList();
        }

        ResultSet run(Map<String, Object> values) throws SQLException {
            for (int i = 0; i < names.size(); i++) {
                Object v = values.get(names.get(i));
                if (v == null) throw new IllegalArgumentException("no value for :" + names.get(i));
                prepared.setObject(i + 1, v);
            }
            return prepared.executeQuery();
        }

        void close() {
            try {
                prepared.close();
            } catch (SQLException e) {
                // A read-only statement: nothing is lost, and the connection is closed after it anyway.
            }
        }
    }

    /** Walks the posts by thread number alongside rows that come in the same order. */
    private static final class Walk {
        private final Post[] byId;
        private int at;

        Walk(Post[] byId) {
            this.byId = byId;
        }

        /** The post numbered {@code id}, or null when the span has none (a thread of another day in the range). */
        Post to(long id) {
            while (at < byId.length && byId[at].id < id) at++;
            return at < byId.length && byId[at].id == id ? byId[at] : null;
        }
    }

    /** One post while its rows are gathered. */
    private static final class Post {
        final long id, postedAt, bucketEnd;
        final int bucket;
        boolean scored;
        double pBear, pNeutral, pBull, confidence, sarcasm;
        int rating;
        long labeledAt;
        long firstReplies = -1, lastReplies = -1;
        List<String> coins = List.of();

        Post(long id, long postedAt, long length, long origin) {
            this.id = id;
            this.postedAt = postedAt;
            this.bucket = (int) ((postedAt - origin) / length);
            this.bucketEnd = origin + (bucket + 1L) * length;
        }

        void predicted(double bear, double neutral, double bull, double confidence, double sarcasm) {
            scored = true;
            pBear = bear;
            pNeutral = neutral;
            pBull = bull;
            this.confidence = confidence;
            this.sarcasm = sarcasm;
        }

        void labeled(int rating, long at) {
            this.rating = rating;
            labeledAt = at;
        }

        /** Observations arrive oldest first; only those before the bucket ended count. */
        void observed(long at, long replies) {
            if (at >= bucketEnd) return;
            if (firstReplies < 0) firstReplies = replies;
            lastReplies = replies;
        }

        /** Mentions arrive by symbol; one coin named in the subject and in the text counts once. */
        void mentions(String coin) {
            if (coins.isEmpty()) coins = new ArrayList<>(2);
            else if (coins.get(coins.size() - 1).equals(coin)) return;
            coins.add(coin);
        }

        /** What the index sees, or null when neither a prediction nor a label given in time is there. */
        PostSignal signal() {
            int replies = lastReplies < 0 ? 0 : (int) lastReplies;
            int growth = lastReplies < 0 ? 0 : (int) (lastReplies - firstReplies);
            String[] c = coins.toArray(String[]::new);
            if (rating != 0 && labeledAt < bucketEnd) {
                return new PostSignal(postedAt, rating == 1 ? 1 : 0, rating == 2 ? 1 : 0, rating == 3 ? 1 : 0, 1, 0, replies, growth, c);
            }
            return scored ? new PostSignal(postedAt, pBear, pNeutral, pBull, confidence, sarcasm, replies, growth, c) : null;
        }
    }
}
