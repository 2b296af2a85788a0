package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.StoreException;
import com.bizcharts.store.UtcTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.IMAGE_FLAGS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

/**
 * The index's read model: the posts of spans of time, gathered point-in-time ({@link PostFacts}) and handed on as
 * {@link PostSignal}s in posting order.
 *
 * <p>A span's posts come by posting time; their labels, observations and coin mentions come by thread number, between
 * the span's lowest and highest. 4chan numbers a board's threads in posting order, so that range holds little beyond
 * the span's own threads and each table is read along its index rather than looked up post by post (a third of the
 * time at a million posts); were numbers out of order the reads would stay right, only slower. Rows are read straight
 * off JDBC with times as epoch seconds from SQLite: at a million posts, jOOQ records and parsed timestamps cost more
 * than SQLite does.
 */
final class PostSignalRepository {

    /** The index counts a coin only when the extractor was at least this sure of the mention. */
    static final double MIN_COIN_CONFIDENCE = 0.55;

    /** Connections reading at once; past four the disk and SQLite's shared cache gain little. */
    static final int READERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Spans from which a read is shared out among the readers. */
    private static final int PARALLEL_FROM = 8;

    /** Thread numbers asked for at once: well under SQLite's limit on bound parameters. */
    private static final int IDS_PER_QUERY = 10_000;

    /** What a span's posts are handed to, in posting order. */
    interface Sink {
        void stored(int bucket, boolean scored);

        /** A post that counts: a prediction from the model or a human label given in time. */
        void post(int bucket, PostSignal post);
    }

    /** A stretch of time read in one go; bucket numbers handed to its sink count from {@code origin}, a bucket start. */
    record Span(Instant origin, Instant from, Instant to, Sink sink) {}

    private static final Param<String> MODEL = param("model", String.class);
    private static final Param<String> FROM = param("from", String.class), TO = param("to", String.class);
    private static final Param<Long> LOW = param("low", Long.class), HIGH = param("high", Long.class);

    private final Database db;

    PostSignalRepository(Database db) {
        this(db, false);
    }

    /** @param excludeFlagged leave out posts whose thumbnail is flagged NSFW ({@code [images] exclude_flagged_from_index}) */
    PostSignalRepository(Database db, boolean excludeFlagged) {
        this.db = db;
        this.excludeFlagged = excludeFlagged;
    }

    private final boolean excludeFlagged;

    /**
     * Reads the spans, on up to {@link #READERS} connections at once when there are many (a first load): SQLite
     * readers do not wait on each other in WAL mode. A bucket lies within one span, so its posts are still handed on
     * in posting order by one thread. Each connection reads in one transaction: one state of the store throughout.
     */
    void read(String modelId, Bucket bucket, List<Span> spans) {
        // A live update's few buckets read faster on one connection than it takes to open more.
        int readers = spans.size() < PARALLEL_FROM ? 1 : Math.min(READERS, spans.size());
        AtomicInteger next = new AtomicInteger();
        if (readers == 1) {
            readOn(modelId, bucket, spans, next);
            return;
        }
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(readers, Thread.ofPlatform().name("index-reader-", 1).daemon().factory())) {
            for (int i = 0; i < readers; i++) work.add(pool.submit(() -> readOn(modelId, bucket, spans, next)));
            for (Future<?> f : work) f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new StoreException("reading posts for the index failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading posts for the index", e);
        }
    }

    /** When these threads were posted; threads the store does not hold are left out. */
    List<Instant> postedAt(Collection<Long> threadIds) {
        List<Long> ids = List.copyOf(threadIds);
        List<Instant> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            db.read().select(THREAD_OPS.POSTED_AT).from(THREAD_OPS)
                    .where(THREAD_OPS.THREAD_ID.in(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY))))
                    .forEach(r -> out.add(UtcTime.parse(r.value1())));
        }
        return out;
    }

    /** A post's text and its prediction's drivers, for explaining a bucket. */
    record Detail(String text, List<String> drivers) {}

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The text of these posts and the drivers of this model's predictions for them (a bucket's few posts). */
    Map<Long, Detail> details(List<Long> threadIds, String modelId) {
        Map<Long, Detail> out = new java.util.HashMap<>();
        if (threadIds.isEmpty()) return out;
        for (List<Long> ids : com.bizcharts.store.SqlBatches.idChunks(threadIds))
            db.read().select(THREAD_OPS.THREAD_ID, THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN, PREDICTIONS.DRIVERS).from(THREAD_OPS)
                .leftJoin(PREDICTIONS).on(PREDICTIONS.THREAD_ID.eq(THREAD_OPS.THREAD_ID)).and(PREDICTIONS.MODEL_ID.eq(modelId))
                .where(THREAD_OPS.THREAD_ID.in(ids))
                .forEach(r -> {
                    String subject = r.value2() == null || r.value2().isBlank() ? "" : r.value2().strip() + " — ";
                    out.put(r.value1(), new Detail(subject + (r.value3() == null ? "" : r.value3()), drivers(r.value4())));
                });
        return out;
    }

    private static List<String> drivers(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (java.io.IOException e) {
            return List.of(); // drivers are an explanation, not data: a row written by a bad version shows none
        }
    }

    /** Takes spans off the shared counter until none is left. */
    private void readOn(String modelId, Bucket bucket, List<Span> spans, AtomicInteger next) {
        db.read().transaction(cfg -> DSL.using(cfg).connection(c -> {
            try (SpanReader reader = new SpanReader(c, queries(DSL.using(cfg), excludeFlagged))) {
                for (int i = next.getAndIncrement(); i < spans.size(); i = next.getAndIncrement()) reader.read(modelId, bucket, spans.get(i));
            }
        }));
    }

    /** The four reads of a span, with its bounds as named parameters (constants inline). */
    private record Queries(Query posts, Query labels, Query observations, Query coins) {}

    private static Queries queries(DSLContext ctx, boolean excludeFlagged) {
        org.jooq.Condition shown = excludeFlagged
                ? THREAD_OPS.THREAD_ID.notIn(ctx.select(IMAGE_FLAGS.THREAD_ID).from(IMAGE_FLAGS).where(IMAGE_FLAGS.FLAGGED.eq(inline(1L))))
                : DSL.noCondition();
        return new Queries(
                ctx.select(THREAD_OPS.THREAD_ID, epoch(THREAD_OPS.POSTED_AT), PREDICTIONS.P_BEARISH, PREDICTIONS.P_NEUTRAL,
                                PREDICTIONS.P_BULLISH, PREDICTIONS.CONFIDENCE, PREDICTIONS.SARCASM)
                        .from(THREAD_OPS).leftJoin(PREDICTIONS).on(PREDICTIONS.THREAD_ID.eq(THREAD_OPS.THREAD_ID)).and(PREDICTIONS.MODEL_ID.eq(MODEL))
                        .where(THREAD_OPS.POSTED_AT.ge(FROM)).and(THREAD_OPS.POSTED_AT.lt(TO)).and(THREAD_OPS.STICKY.eq(inline(0L))).and(shown)
                        .orderBy(THREAD_OPS.POSTED_AT, THREAD_OPS.THREAD_ID),
                ctx.select(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.RATING, epoch(TRAINING_LABELS.LABELED_AT)).from(TRAINING_LABELS)
                        .where(TRAINING_LABELS.THREAD_ID.between(LOW, HIGH)).and(TRAINING_LABELS.SKIPPED.eq(inline(0L)))
                        .orderBy(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.LABELED_AT, TRAINING_LABELS.ID),
                ctx.select(THREAD_OBSERVATIONS.THREAD_ID, epoch(THREAD_OBSERVATIONS.OBSERVED_AT), THREAD_OBSERVATIONS.REPLY_COUNT)
                        .from(THREAD_OBSERVATIONS).where(THREAD_OBSERVATIONS.THREAD_ID.between(LOW, HIGH))
                        .and(THREAD_OBSERVATIONS.OBSERVED_AT.lt(TO))  // later ones are past every bucket's end in the span
                        .orderBy(THREAD_OBSERVATIONS.THREAD_ID, THREAD_OBSERVATIONS.OBSERVED_AT, THREAD_OBSERVATIONS.ID),
                ctx.select(COIN_MENTIONS.THREAD_ID, COIN_MENTIONS.COIN_SYMBOL).from(COIN_MENTIONS)
                        .where(COIN_MENTIONS.THREAD_ID.between(LOW, HIGH)).and(COIN_MENTIONS.CONFIDENCE.ge(inline(MIN_COIN_CONFIDENCE)))
                        .orderBy(COIN_MENTIONS.THREAD_ID, COIN_MENTIONS.COIN_SYMBOL));
    }

    private static Field<Long> epoch(Field<String> isoTime) {
        return field("unixepoch({0})", Long.class, isoTime);
    }

    private static StoreException failed(SQLException e) {
        return new StoreException("reading posts for the index failed: " + e.getMessage(), e);
    }

    /** One connection's reads, prepared once: rendering a jOOQ query costs about as much as running it on a day. */
    private static final class SpanReader implements AutoCloseable {
        private final Statement posts, labels, observations, coins;

        SpanReader(Connection c, Queries q) {
            try {
                posts = new Statement(c, q.posts());
                labels = new Statement(c, q.labels());
                observations = new Statement(c, q.observations());
                coins = new Statement(c, q.coins());
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        void read(String modelId, Bucket bucket, Span span) {
            try {
                read(modelId, bucket.length().toSeconds(), span.origin().getEpochSecond(), UtcTime.format(span.from()),
                        UtcTime.format(span.to()), span.sink());
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        private void read(String modelId, long length, long origin, String from, String to, Sink sink) throws SQLException {
            List<PostFacts> inOrder = new ArrayList<>();
            try (ResultSet r = posts.run(Map.of(MODEL.getParamName(), modelId, FROM.getParamName(), from, TO.getParamName(), to))) {
                while (r.next()) {
                    PostFacts p = new PostFacts(r.getLong(1), r.getLong(2), length, origin);
                    double bear = r.getDouble(3);
                    if (!r.wasNull()) p.predicted(bear, r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7));
                    inOrder.add(p);
                }
            }
            if (inOrder.isEmpty()) return;
            PostFacts[] byId = inOrder.toArray(PostFacts[]::new);
            Arrays.sort(byId, Comparator.comparingLong(p -> p.id));
            Map<String, Object> range = Map.of(LOW.getParamName(), byId[0].id, HIGH.getParamName(), byId[byId.length - 1].id,
                    TO.getParamName(), to);
            // Each table comes by thread number, so its rows meet the posts (sorted the same way) in one pass.
            try (ResultSet r = labels.run(range)) {
                for (var w = new PostFacts.Walk(byId); r.next(); ) {
                    PostFacts p = w.to(r.getLong(1));
                    if (p != null) p.labeled(r.getInt(2), r.getLong(3));
                }
            }
            try (ResultSet r = observations.run(range)) {
                for (var w = new PostFacts.Walk(byId); r.next(); ) {
                    PostFacts p = w.to(r.getLong(1));
                    if (p != null) p.observed(r.getLong(2), r.getLong(3));
                }
            }
            try (ResultSet r = coins.run(range)) {
                for (var w = new PostFacts.Walk(byId); r.next(); ) {
                    PostFacts p = w.to(r.getLong(1));
                    if (p != null) p.mentions(r.getString(2));
                }
            }
            for (PostFacts p : inOrder) {
                sink.stored(p.bucket, p.scored());
                PostSignal signal = p.signal();
                if (signal != null) sink.post(p.bucket, signal);
            }
        }

        @Override
        public void close() {
            for (Statement s : new Statement[]{posts, labels, observations, coins}) s.close();
        }
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
                // A read-only statement: nothing is lost, and its connection is closed after it anyway.
            }
        }
    }
}
