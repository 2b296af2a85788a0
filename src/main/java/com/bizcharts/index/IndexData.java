package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.bizcharts.store.schema.Tables.THREAD_OPS;

/**
 * Reads the store for the index, point-in-time: a post counts in the bucket it was posted in; its engagement is what
 * had been observed before the bucket ended; a human label counts only if it was given before the bucket ended (a
 * later label would be hindsight); coin mentions count from {@value PostReader#MIN_COIN_CONFIDENCE} confidence;
 * stickies are left out. Posts without a prediction from the model and without a label in time are left out: the
 * index says how many posts carry it, and the totals how many the model has yet to score.
 *
 * <p>A range is read a day at a time and summed as it goes ({@link BucketTotals}), so a year of a million posts
 * never sits in memory; the whole read is one transaction, so it sees one state of the store.
 */
public final class IndexData {

    /** Connections reading at once; past four the disk and SQLite's shared cache gain little. */
    static final int READERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Thread numbers asked for at once: well under SQLite's limit on bound parameters. */
    private static final int IDS_PER_QUERY = 10_000;

    private final Database db;

    public IndexData(Database db) {
        this.db = db;
    }

    /** The totals of consecutive buckets from {@code from} (inclusive) to {@code to} (exclusive), bucket boundaries. */
    public List<BucketTotals> totals(String modelId, Bucket bucket, Instant from, Instant to) {
        List<BucketTotals.Builder> sums = builders(count(bucket, from, to));
        read(modelId, bucket, days(from, to, bucket, totalsInto(sums)));
        return sums.stream().map(BucketTotals.Builder::build).toList();
    }

    /** The totals of the buckets starting at these times, in their order, read in one go: what an update re-reads. */
    public List<BucketTotals> totalsAt(String modelId, Bucket bucket, List<Instant> starts) {
        List<BucketTotals.Builder> sums = builders(starts.size());
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            spans.add(new Span(starts.get(i), starts.get(i), starts.get(i).plus(bucket.length()), totalsInto(sums.subList(i, i + 1))));
        }
        read(modelId, bucket, spans);
        return sums.stream().map(BucketTotals.Builder::build).toList();
    }

    /** The posts of each bucket, in posting order: every post in memory, so for a few buckets (and tests). */
    public List<List<PostSignal>> posts(String modelId, Bucket bucket, Instant from, Instant to) {
        List<List<PostSignal>> out = new ArrayList<>();
        for (int i = 0; i < count(bucket, from, to); i++) out.add(new ArrayList<>());
        read(modelId, bucket, days(from, to, bucket, new PostReader.Sink() {
            @Override public void stored(int b, boolean scored) {}

            @Override public void post(int b, PostSignal post) { out.get(b).add(post); }
        }));
        return out;
    }

    /** When these threads were posted; threads the store does not hold are left out. */
    public List<Instant> postedAt(Collection<Long> threadIds) {
        List<Long> ids = List.copyOf(threadIds);
        List<Instant> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            db.read().select(THREAD_OPS.POSTED_AT).from(THREAD_OPS)
                    .where(THREAD_OPS.THREAD_ID.in(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY))))
                    .forEach(r -> out.add(UtcTime.parse(r.value1())));
        }
        return out;
    }

    private static int count(Bucket bucket, Instant from, Instant to) {
        return (int) Math.max(0, (to.getEpochSecond() - from.getEpochSecond()) / bucket.length().toSeconds());
    }

    private static List<BucketTotals.Builder> builders(int n) {
        List<BucketTotals.Builder> sums = new ArrayList<>(n);
        for (int i = 0; i < n; i++) sums.add(new BucketTotals.Builder());
        return sums;
    }

    private static PostReader.Sink totalsInto(List<BucketTotals.Builder> sums) {
        return new PostReader.Sink() {
            @Override public void stored(int b, boolean scored) { sums.get(b).stored(scored); }

            @Override public void post(int b, PostSignal post) { sums.get(b).add(post); }
        };
    }

    /** A stretch of time read in one go; bucket numbers handed to its sink count from {@code origin}. */
    private record Span(Instant origin, Instant from, Instant to, PostReader.Sink sink) {}

    /**
     * The whole buckets of {@code [from, to)} a day at a time: few enough posts to gather in memory, many enough
     * that each query's cost is spread over thousands of posts.
     */
    private static List<Span> days(Instant from, Instant to, Bucket bucket, PostReader.Sink sink) {
        Instant end = from.plus(bucket.length().multipliedBy(count(bucket, from, to)));
        Duration day = bucket.length().compareTo(Duration.ofDays(1)) > 0 ? bucket.length() : Duration.ofDays(1);
        List<Span> spans = new ArrayList<>();
        for (Instant a = from; a.isBefore(end); a = a.plus(day)) spans.add(new Span(from, a, a.plus(day).isAfter(end) ? end : a.plus(day), sink));
        return spans;
    }

    /**
     * Reads the spans, on up to {@link #READERS} connections at once when there are many (a first load): SQLite
     * readers do not wait on each other in WAL mode. A bucket lies within one span, so its posts are still summed in
     * posting order by one thread. Each reader is one transaction: it sees one state of the store throughout.
     */
    private void read(String modelId, Bucket bucket, List<Span> spans) {
        if (spans.isEmpty()) return;
        int readers = Math.min(READERS, spans.size());
        if (readers == 1) {
            readOn(modelId, bucket, spans, new AtomicInteger());
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(readers, Thread.ofPlatform().name("index-reader-", 1).daemon().factory())) {
            for (int i = 0; i < readers; i++) work.add(pool.submit(() -> readOn(modelId, bucket, spans, next)));
            for (Future<?> f : work) f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the index", e);
        }
    }

    /** Takes spans off the shared counter until none is left, all in one read transaction. */
    private void readOn(String modelId, Bucket bucket, List<Span> spans, AtomicInteger next) {
        db.read().transaction(cfg -> DSL.using(cfg).connection(c -> {
            try (PostReader reader = new PostReader(DSL.using(cfg), c)) {
                for (int i = next.getAndIncrement(); i < spans.size(); i = next.getAndIncrement()) {
                    Span s = spans.get(i);
                    reader.read(modelId, bucket, s.origin(), s.from(), s.to(), s.sink());
                }
            }
        }));
    }
}
