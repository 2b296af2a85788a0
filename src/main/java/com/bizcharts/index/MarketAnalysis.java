package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.PricePoint;
import com.bizcharts.store.PriceRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentiment and prices side by side for a range: the index (with its 30-day activity baseline read from before the
 * range), per-coin rows, a coin's prices, and from them the lead-lag table and the extremes backtest. Shared by
 * {@code bizcharts index leadlag|backtest} and the dashboard, so both report the same numbers.
 */
public final class MarketAnalysis {

    /** The sentiment of a range, point-in-time. */
    public record Sentiment(Bucket bucket, Instant from, Instant to, List<IndexPoint> index, List<CoinSentiment.Row> coins) {}

    private final Database db;
    private final PriceRepository prices;

    public MarketAnalysis(Database db, PriceRepository prices) {
        this.db = db;
        this.prices = prices;
    }

    /** The index and coin rows for buckets in {@code [from, to)}; {@code from} and {@code to} are bucket boundaries. */
    public Sentiment sentiment(String modelId, Bucket bucket, Instant from, Instant to) {
        Instant baselineStart = from.minus(Duration.ofDays(30));
        List<List<PostSignal>> perBucket = new IndexData(db).load(modelId, bucket, baselineStart, to);
        int first = (int) ((from.getEpochSecond() - baselineStart.getEpochSecond()) / bucket.length().toSeconds());
        List<IndexPoint> index = FearGreedIndex.compute(bucket, baselineStart, perBucket, first);
        List<CoinSentiment.Row> coins = CoinSentiment.compute(bucket, from, perBucket.subList(first, perBucket.size()));
        return new Sentiment(bucket, from, to, index, coins);
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
