package com.bizcharts.ui.dashboard;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.CoinSentiment;
import com.bizcharts.index.ExtremesBacktest;
import com.bizcharts.index.FearGreedIndex;
import com.bizcharts.index.IndexPoint;
import com.bizcharts.index.LeadLag;
import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.index.PriceSeries;
import com.bizcharts.store.PriceRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the dashboard shows for one range, computed in one go off the FX thread (no JavaFX here, so the numbers
 * are tested without a screen).
 *
 * @param latest     the last bucket with enough posts (else the last with any), or null when the range has none
 * @param leadLag    empty when no prices are stored for the coin, like {@code backtests}
 * @param prices     the chosen coin's prices over the range (empty when none are stored)
 * @param priceCoins coins with stored prices, for the picker
 */
public record DashboardData(MarketAnalysis.Sentiment sentiment, IndexPoint latest, PriceSeries prices, List<CoinRow> coins,
                            List<LeadLag.Cell> leadLag, List<ExtremesBacktest.Result> backtests, List<String> priceCoins,
                            int posts) {

    public static final int TABLE_COINS = 15;

    public static int maxLag(Bucket b) {
        return b == Bucket.DAY ? 7 : 24;
    }

    public static DashboardData load(MarketAnalysis analysis, PriceRepository repo, String modelId, Bucket bucket,
                                     Instant from, Instant to, String priceCoin) {
        MarketAnalysis.Sentiment s = analysis.sentiment(modelId, bucket, from, to);
        PriceSeries prices = analysis.prices(priceCoin, from, to, MarketAnalysis.margin(bucket, maxLag(bucket)));
        List<String> priceCoins = new ArrayList<>(new TreeSet<>(repo.coverage().stream().map(PriceRepository.Coverage::coin).toList()));
        return of(analysis, s, prices, priceCoins, List.of());
    }

    /**
     * The dashboard after the posts {@code changedThreadIds} changed (predictions landed): only the buckets they were
     * posted in are read again and the prices are kept, so a live update costs milliseconds even over a year of a
     * million posts. Returns {@code previous} itself when none of the posts falls in its range.
     */
    public static DashboardData update(MarketAnalysis analysis, DashboardData previous, String modelId,
                                       Collection<Long> changedThreadIds) {
        MarketAnalysis.Sentiment s = analysis.update(previous.sentiment(), modelId, changedThreadIds);
        if (s == previous.sentiment()) return previous;
        return of(analysis, s, previous.prices(), previous.priceCoins(), previous.coins());
    }

    private static DashboardData of(MarketAnalysis analysis, MarketAnalysis.Sentiment s, PriceSeries prices,
                                    List<String> priceCoins, List<CoinRow> before) {
        IndexPoint latest = s.index().stream().filter(IndexPoint::sufficient).reduce((a, c) -> c)
                .orElse(s.index().stream().filter(p -> p.posts() > 0).reduce((a, c) -> c).orElse(null));
        int lag = maxLag(s.bucket());
        // Without prices there is nothing to correlate or trade: empty lists, so the view says so instead of showing zeros.
        return new DashboardData(s, latest, prices, coinRows(analysis, s, prices, before),
                prices.isEmpty() ? List.of() : MarketAnalysis.leadLag(s, prices, lag, 3),
                prices.isEmpty() ? List.of() : MarketAnalysis.backtests(s, prices, FearGreedIndex.EXTREME_FEAR, FearGreedIndex.EXTREME_GREED, 10, 3),
                priceCoins, s.index().stream().mapToInt(IndexPoint::posts).sum());
    }

    /** The table's coins; a coin already in {@code before} keeps its price sparkline, which a live update leaves as is. */
    static List<CoinRow> coinRows(MarketAnalysis analysis, MarketAnalysis.Sentiment s, PriceSeries chosen, List<CoinRow> before) {
        List<Instant> buckets = s.index().stream().map(IndexPoint::bucket).toList();
        Map<String, List<CoinSentiment.Row>> byCoin = new HashMap<>();
        for (CoinSentiment.Row r : s.coins()) byCoin.computeIfAbsent(r.coin(), k -> new ArrayList<>()).add(r);
        Map<String, CoinRow> known = new HashMap<>();
        for (CoinRow r : before) known.put(r.coin(), r);
        List<CoinRow> out = new ArrayList<>();
        for (CoinSentiment.CoinTotals t : CoinSentiment.top(s.coins(), TABLE_COINS)) {
            List<CoinSentiment.Row> rows = byCoin.get(t.coin());
            Map<Instant, Double> at = new HashMap<>();
            for (CoinSentiment.Row r : rows) at.put(r.bucket(), r.sentiment());
            List<Double> spark = buckets.stream().map(b -> at.getOrDefault(b, Double.NaN)).toList();
            List<Double> priceSpark = known.containsKey(t.coin()) ? known.get(t.coin()).priceSpark() : priceSpark(analysis, s, chosen, t.coin());
            CoinSentiment.Row last = rows.get(rows.size() - 1);
            out.add(new CoinRow(t.coin(), t.mentions(), t.sentiment(), last.sentiment(), last.change(), t.bullish(), t.bearish(),
                    spark, priceSpark, change(priceSpark)));
        }
        return out;
    }

    private static List<Double> priceSpark(MarketAnalysis analysis, MarketAnalysis.Sentiment s, PriceSeries chosen, String coin) {
        PriceSeries p = coin.equals(chosen.coin()) ? chosen : analysis.prices(coin, s.from(), s.to(), s.bucket().length());
        return p.isEmpty() ? List.of() : s.index().stream().map(b -> p.at(b.bucket().plus(s.bucket().length()))).toList();
    }

    private static double change(List<Double> closes) {
        List<Double> known = closes.stream().filter(d -> !d.isNaN()).toList();
        return known.size() < 2 ? Double.NaN : known.get(known.size() - 1) / known.get(0) - 1;
    }
}
