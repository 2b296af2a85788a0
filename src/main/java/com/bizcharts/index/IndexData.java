package com.bizcharts.index;

import com.bizcharts.store.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The store as the index sees it, point-in-time: a post counts in the bucket it was posted in; its engagement is what
 * had been observed before the bucket ended; a human label counts only if it was given before the bucket ended (a
 * later label would be hindsight); coin mentions count from {@value PostSignalRepository#MIN_COIN_CONFIDENCE}
 * confidence; stickies are left out. Posts without a prediction from the model and without a label in time are left
 * out: the index says how many posts carry it, and the totals how many the model has yet to score.
 *
 * <p>A range is read a day at a time and summed as it goes ({@link BucketTotals}), so a year of a million posts never
 * sits in memory.
 */
public final class IndexData {

    private final PostSignalRepository posts;

    public IndexData(Database db) {
        this(db, false);
    }

    /** @param excludeFlagged leave out posts whose thumbnail is flagged NSFW (a setting, off by default) */
    public IndexData(Database db, boolean excludeFlagged) {
        this.posts = new PostSignalRepository(db, excludeFlagged);
    }

    /** The totals of consecutive buckets from {@code from} (inclusive) to {@code to} (exclusive), bucket boundaries. */
    public List<BucketTotals> totals(String modelId, Bucket bucket, Instant from, Instant to) {
        List<BucketTotals.Builder> sums = builders(count(bucket, from, to));
        posts.read(modelId, bucket, days(from, to, bucket, totalsInto(sums)));
        return sums.stream().map(BucketTotals.Builder::build).toList();
    }

    /** The totals of the buckets starting at these times, in their order, read in one go: what an update re-reads. */
    public List<BucketTotals> totalsAt(String modelId, Bucket bucket, List<Instant> starts) {
        List<BucketTotals.Builder> sums = builders(starts.size());
        List<PostSignalRepository.Span> spans = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i);
            spans.add(new PostSignalRepository.Span(start, start, start.plus(bucket.length()), totalsInto(sums.subList(i, i + 1))));
        }
        posts.read(modelId, bucket, spans);
        return sums.stream().map(BucketTotals.Builder::build).toList();
    }

    /** The posts of each bucket, in posting order: every post in memory, so for a few buckets (and tests). */
    public List<List<PostSignal>> posts(String modelId, Bucket bucket, Instant from, Instant to) {
        List<List<PostSignal>> out = new ArrayList<>();
        for (int i = 0; i < count(bucket, from, to); i++) out.add(new ArrayList<>());
        posts.read(modelId, bucket, days(from, to, bucket, new PostSignalRepository.Sink() {
            @Override public void stored(int b, boolean scored) {}

            @Override public void post(int b, PostSignal post) { out.get(b).add(post); }
        }));
        return out;
    }

    /**
     * The posts that count in the bucket starting at {@code start}, those that moved it most first (by the size of
     * weight x score), with their text and what drove the model: what a click on a point of the index shows.
     */
    public List<BucketPost> explain(String modelId, Bucket bucket, Instant start, int limit) {
        Instant from = bucket.start(start);
        List<PostSignal> inBucket = posts(modelId, bucket, from, from.plus(bucket.length())).get(0);
        List<PostSignal> top = inBucket.stream()
                .sorted(java.util.Comparator.comparingDouble((PostSignal p) -> -Math.abs(p.contribution())).thenComparingLong(PostSignal::threadId))
                .limit(limit).toList();
        var details = posts.details(top.stream().map(PostSignal::threadId).toList(), modelId);
        List<BucketPost> out = new ArrayList<>();
        for (PostSignal p : top) {
            var d = details.get(p.threadId());
            out.add(new BucketPost(p.threadId(), Instant.ofEpochSecond(p.postedAt()), p.contribution(), p.weight(), p.score(), p.human(),
                    verdict(p), d == null ? "" : d.text(), d == null || p.human() ? List.of() : d.drivers()));
        }
        return out;
    }

    private static String verdict(PostSignal p) {
        String word = p.pBull() >= p.pBear() && p.pBull() >= p.pNeutral() ? "bullish" : p.pBear() >= p.pNeutral() ? "bearish" : "neutral";
        if (p.human()) return "labeled " + word;
        double top = Math.max(p.pBull(), Math.max(p.pBear(), p.pNeutral()));
        return String.format(java.util.Locale.ROOT, "%s %.0f%%", word, 100 * top);
    }

    /** When these threads were posted; threads the store does not hold are left out. */
    public List<Instant> postedAt(Collection<Long> threadIds) {
        return posts.postedAt(threadIds);
    }

    private static int count(Bucket bucket, Instant from, Instant to) {
        return (int) Math.max(0, (to.getEpochSecond() - from.getEpochSecond()) / bucket.length().toSeconds());
    }

    private static List<BucketTotals.Builder> builders(int n) {
        List<BucketTotals.Builder> sums = new ArrayList<>(n);
        for (int i = 0; i < n; i++) sums.add(new BucketTotals.Builder());
        return sums;
    }

    private static PostSignalRepository.Sink totalsInto(List<BucketTotals.Builder> sums) {
        return new PostSignalRepository.Sink() {
            @Override public void stored(int b, boolean scored) { sums.get(b).stored(scored); }

            @Override public void post(int b, PostSignal post) { sums.get(b).add(post); }
        };
    }

    /**
     * The whole buckets of {@code [from, to)} a day at a time: few enough posts to gather in memory, many enough that
     * each query's cost is spread over thousands of posts.
     */
    private static List<PostSignalRepository.Span> days(Instant from, Instant to, Bucket bucket, PostSignalRepository.Sink sink) {
        Instant end = from.plus(bucket.length().multipliedBy(count(bucket, from, to)));
        Duration day = bucket.length().compareTo(Duration.ofDays(1)) > 0 ? bucket.length() : Duration.ofDays(1);
        List<PostSignalRepository.Span> spans = new ArrayList<>();
        for (Instant a = from; a.isBefore(end); a = a.plus(day)) {
            spans.add(new PostSignalRepository.Span(from, a, a.plus(day).isAfter(end) ? end : a.plus(day), sink));
        }
        return spans;
    }
}
