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
import java.util.Comparator;
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
        IndexPoint latest = s.index().stream().filter(IndexPoint::sufficient).reduce((a, c) -> c)
                .orElse(s.index().stream().filter(p -> p.posts() > 0).reduce((a, c) -> c).orElse(null));
        int lag = maxLag(bucket);
        PriceSeries prices = analysis.prices(priceCoin, from, to, MarketAnalysis.margin(bucket, lag));
        List<String> priceCoins = new ArrayList<>(new TreeSet<>(repo.coverage().stream().map(PriceRepository.Coverage::coin).toList()));
        // Without prices there is nothing to correlate or trade: empty lists, so the view says so instead of showing zeros.
        return new DashboardData(s, latest, prices, coinRows(analysis, s, prices),
                prices.isEmpty() ? List.of() : MarketAnalysis.leadLag(s, prices, lag, 3),
                prices.isEmpty() ? List.of() : MarketAnalysis.backtests(s, prices, FearGreedIndex.EXTREME_FEAR, FearGreedIndex.EXTREME_GREED, 10, 3),
                priceCoins, s.index().stream().mapToInt(IndexPoint::posts).sum());
    }

    static List<CoinRow> coinRows(MarketAnalysis analysis, MarketAnalysis.Sentiment s, PriceSeries chosen) {
        List<Instant> buckets = s.index().stream().map(IndexPoint::bucket).toList();
        Map<String, List<CoinSentiment.Row>> byCoin = new HashMap<>();
        for (CoinSentiment.Row r : s.coins()) byCoin.computeIfAbsent(r.coin(), k -> new ArrayList<>()).add(r);
        List<CoinRow> out = new ArrayList<>();
        for (var e : CoinSentiment.top(s.coins(), TABLE_COINS)) {
            List<CoinSentiment.Row> rows = byCoin.get(e.getKey());
            Map<Instant, Double> at = new HashMap<>();
            double weighted = 0;
            for (CoinSentiment.Row r : rows) {
                at.put(r.bucket(), r.sentiment());
                weighted += r.sentiment() * r.mentions();
            }
            List<Double> spark = buckets.stream().map(b -> at.getOrDefault(b, Double.NaN)).toList();
            PriceSeries p = e.getKey().equals(chosen.coin()) ? chosen : analysis.prices(e.getKey(), s.from(), s.to(), s.bucket().length());
            List<Double> priceSpark = p.isEmpty() ? List.of() : buckets.stream().map(b -> p.at(b.plus(s.bucket().length()))).toList();
            CoinSentiment.Row last = rows.get(rows.size() - 1);
            out.add(new CoinRow(e.getKey(), e.getValue()[0], weighted / e.getValue()[0], last.sentiment(), last.change(),
                    e.getValue()[1], e.getValue()[2], spark, priceSpark, change(priceSpark)));
        }
        out.sort(Comparator.comparingInt(CoinRow::mentions).reversed().thenComparing(CoinRow::coin));
        return out;
    }

    private static double change(List<Double> closes) {
        List<Double> known = closes.stream().filter(d -> !d.isNaN()).toList();
        return known.size() < 2 ? Double.NaN : known.get(known.size() - 1) / known.get(0) - 1;
    }
}
