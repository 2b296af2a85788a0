package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.PricePoint;
import com.bizcharts.store.PriceRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Sentiment and prices side by side for a range: the index (with its 30-day activity baseline read from before the
 * range), per-coin rows, a coin's prices, and from them the lead-lag table and the extremes backtest. Shared by
 * {@code bizcharts index}, {@code coins}, {@code index leadlag|backtest} and the dashboard, so all report the same
 * numbers; the dashboard keeps its sentiment current with {@link #update} as predictions land.
 */
public final class MarketAnalysis {

    /** How far before a range the index's activity baseline reaches. */
    public static final Duration BASELINE = Duration.ofDays(30);

    /**
     * The sentiment of a range, point-in-time, with the totals it was computed from so that {@link #update} can
     * re-read only the buckets whose posts changed.
     *
     * @param totals one per bucket from {@code from - BASELINE} to {@code to}: the baseline's buckets, then the range's
     */
    public record Sentiment(String modelId, Bucket bucket, Instant from, Instant to, List<IndexPoint> index,
                            List<CoinSentiment.Row> coins, List<BucketTotals> totals) {

        /** Posts stored in the range, stickies left out. */
        public int stored() {
            return inRange().mapToInt(BucketTotals::stored).sum();
        }

        /** Posts in the range that the model has not scored yet. */
        public int unscored() {
            return inRange().mapToInt(BucketTotals::unscored).sum();
        }

        private Stream<BucketTotals> inRange() {
            return totals.subList(totals.size() - index.size(), totals.size()).stream();
        }
    }

    private final IndexData data;
    private final PriceRepository prices;

    public MarketAnalysis(Database db, PriceRepository prices) {
        this(db, prices, false);
    }

    /** @param excludeFlagged leave out posts whose thumbnail is flagged NSFW ({@code [images] exclude_flagged_from_index}) */
    public MarketAnalysis(Database db, PriceRepository prices, boolean excludeFlagged) {
        this.data = new IndexData(db, excludeFlagged);
        this.prices = prices;
    }

    /** The index and coin rows for buckets in {@code [from, to)}; {@code from} and {@code to} are bucket boundaries. */
    public Sentiment sentiment(String modelId, Bucket bucket, Instant from, Instant to) {
        return assemble(modelId, bucket, from, to, data.totals(modelId, bucket, from.minus(BASELINE), to), 0, List.of());
    }

    /**
     * The sentiment after the posts {@code changedThreadIds} changed (predictions landed, labels given, engagement
     * observed): only the buckets they were posted in are read again, the rest is recomputed from the totals kept,
     * so the result equals a fresh {@link #sentiment} of the same range. Posts outside the range are ignored; another
     * model than the previous one's means every bucket changed, so the range is read afresh.
     */
    public Sentiment update(Sentiment previous, String modelId, Collection<Long> changedThreadIds) {
        if (!modelId.equals(previous.modelId())) return sentiment(modelId, previous.bucket(), previous.from(), previous.to());
        Bucket bucket = previous.bucket();
        Instant origin = previous.from().minus(BASELINE);
        long length = bucket.length().toSeconds();
        SortedSet<Integer> changed = new TreeSet<>();
        for (Instant posted : data.postedAt(changedThreadIds)) {
            long b = Math.floorDiv(posted.getEpochSecond() - origin.getEpochSecond(), length);
            if (b >= 0 && b < previous.totals().size()) changed.add((int) b);
        }
        if (changed.isEmpty()) return previous;
        List<Integer> buckets = List.copyOf(changed);
        List<BucketTotals> fresh = data.totalsAt(modelId, bucket,
                buckets.stream().map(b -> origin.plus(bucket.length().multipliedBy(b))).toList());
        List<BucketTotals> totals = new ArrayList<>(previous.totals());
        for (int i = 0; i < buckets.size(); i++) totals.set(buckets.get(i), fresh.get(i));
        // Coin rows before the first changed bucket stand: a row looks back to the coin's previous one, never ahead.
        int first = totals.size() - previous.index().size();
        int from = Math.max(0, buckets.get(0) - first);
        Instant kept = previous.from().plus(bucket.length().multipliedBy(from));
        List<CoinSentiment.Row> before = previous.coins().stream().filter(r -> r.bucket().isBefore(kept)).toList();
        return assemble(modelId, bucket, previous.from(), previous.to(), totals, from, before);
    }

    /** The posts behind one bucket of the index, those that moved it most first (see {@link IndexData#explain}). */
    public List<BucketPost> explain(String modelId, Bucket bucket, Instant bucketStart, int limit) {
        return data.explain(modelId, bucket, bucketStart, limit);
    }

    /** Index points and coin rows from the totals: cheap next to reading them (a year of hours in milliseconds). */
    private static Sentiment assemble(String modelId, Bucket bucket, Instant from, Instant to, List<BucketTotals> totals,
                                      int coinsFrom, List<CoinSentiment.Row> coinsBefore) {
        Instant baselineStart = from.minus(BASELINE);
        int first = (int) ((from.getEpochSecond() - baselineStart.getEpochSecond()) / bucket.length().toSeconds());
        List<IndexPoint> index = FearGreedIndex.compute(bucket, baselineStart, totals, first);
        List<CoinSentiment.Row> coins = CoinSentiment.compute(bucket, from, totals.subList(first, totals.size()), coinsFrom, coinsBefore);
        return new Sentiment(modelId, bucket, from, to, index, coins, List.copyOf(totals));
    }

    /**
     * A coin's prices around a range, hourly when any hourly bars are stored there (they serve every horizon), else
     * daily. The margin reaches past both ends so forward returns and negative lags at the edges have their prices.
     */
    public PriceSeries prices(String coin, Instant from, Instant to, Duration margin) {
        Instant a = from.minus(margin), b = to.plus(margin);
        List<PricePoint> hourly = prices.series(coin, "1h", a, b);
        if (!hourly.isEmpty()) return new PriceSeries(coin, Bucket.HOUR.length(), hourly);
        return new PriceSeries(coin, Bucket.DAY.length(), prices.series(coin, "1d", a, b));
    }

    /** The margin {@link #prices} needs for lags up to {@code maxLag} and the longest horizon. */
    public static Duration margin(Bucket bucket, int maxLag) {
        return bucket.length().multipliedBy(maxLag + 1L).plus(LeadLag.HORIZONS.get(LeadLag.HORIZONS.size() - 1));
    }

    /** Lead-lag of the index and of the coin's own sentiment against the coin's forward returns. */
    public static List<LeadLag.Cell> leadLag(Sentiment s, PriceSeries p, int maxLag, int minMentions) {
        List<LeadLag.Cell> cells = new ArrayList<>(LeadLag.compute("index", SignalPoint.ofIndex(s.index()), s.bucket(), p,
                LeadLag.HORIZONS, maxLag));
        cells.addAll(LeadLag.compute("coin:" + p.coin(), SignalPoint.ofCoin(s.coins(), p.coin(), minMentions), s.bucket(), p,
                LeadLag.HORIZONS, maxLag));
        return cells;
    }

    /** Both rules on the index, then both on the coin's own sentiment. */
    public static List<ExtremesBacktest.Result> backtests(Sentiment s, PriceSeries p, double fear, double greed, double feeBps,
                                                         int minMentions) {
        List<ExtremesBacktest.Result> out = new ArrayList<>();
        List<SignalPoint> index = SignalPoint.ofIndex(s.index());
        List<SignalPoint> coin = SignalPoint.ofCoin(s.coins(), p.coin(), minMentions);
        for (ExtremesBacktest.Rule rule : ExtremesBacktest.Rule.values()) {
            out.add(ExtremesBacktest.run("index", rule, index, s.bucket(), p, fear, greed, feeBps));
        }
        for (ExtremesBacktest.Rule rule : ExtremesBacktest.Rule.values()) {
            out.add(ExtremesBacktest.run("coin:" + p.coin(), rule, coin, s.bucket(), p, fear, greed, feeBps));
        }
        return out;
    }
}
