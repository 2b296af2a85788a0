package com.bizcharts.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A long-or-flat strategy on sentiment extremes, to see whether /biz/ at its most fearful or greedy has been a
 * signal. Contrarian buys extreme fear ({@code value <= fear}) and sells at extreme greed ({@code >= greed});
 * momentum does the reverse. A reading is acted on at its bucket's end, at the price of that moment (the first
 * time it is known), so no decision uses later data; a position still open at the end is valued at the last price
 * and marked open. Fees are charged per side. Buy-and-hold over the same span is the yardstick.
 */
public final class ExtremesBacktest {

    public enum Rule { CONTRARIAN, MOMENTUM }

    /** Fewer closed-or-open trades than this and the result is flagged as anecdote, not evidence. */
    public static final int MIN_TRADES = 10;

    public record Trade(Instant entry, Instant exit, double entryPrice, double exitPrice, double netReturn, boolean openAtEnd) {}

    /**
     * @param signal     what was traded on: "index" or "coin:BTC"
     * @param readings   signal buckets that had a price to act at
     * @param extremes   of those, readings at or beyond a threshold
     * @param exposure   share of the span spent holding the coin
     */
    public record Result(String signal, Rule rule, double fear, double greed, int readings, int extremes, List<Trade> trades, int wins,
                         double hitRate, double meanReturn, double totalReturn, double buyAndHold, double exposure,
                         Instant first, Instant last, boolean tooFew) {}

    private ExtremesBacktest() {}

    public static Result run(String name, Rule rule, List<SignalPoint> signal, Bucket bucket, PriceSeries prices, double fear, double greed,
                             double feeBps) {
        if (!(fear < greed)) throw new IllegalArgumentException("the fear threshold must be below the greed threshold");
        double fee = feeBps / 10_000;
        List<Trade> trades = new ArrayList<>();
        int readings = 0, extremes = 0;
        Instant first = null, last = null, entry = null;
        double firstPrice = Double.NaN, lastPrice = Double.NaN, entryPrice = Double.NaN;
        Duration held = Duration.ZERO;
        for (SignalPoint s : signal) {
            Instant known = s.bucket().plus(bucket.length());
            double p = prices.at(known);
            if (Double.isNaN(p)) continue;
            readings++;
            if (first == null) {
                first = known;
                firstPrice = p;
            }
            last = known;
            lastPrice = p;
            boolean isFear = s.value() <= fear, isGreed = s.value() >= greed;
            if (isFear || isGreed) extremes++;
            boolean buy = rule == Rule.CONTRARIAN ? isFear : isGreed;
            boolean sell = rule == Rule.CONTRARIAN ? isGreed : isFear;
            if (entry == null && buy) {
                entry = known;
                entryPrice = p;
            } else if (entry != null && sell) {
                trades.add(trade(entry, known, entryPrice, p, fee, false));
                held = held.plus(Duration.between(entry, known));
                entry = null;
            }
        }
        if (entry != null) {
            trades.add(trade(entry, last, entryPrice, lastPrice, fee, true));
            held = held.plus(Duration.between(entry, last));
        }
        int wins = (int) trades.stream().filter(t -> t.netReturn() > 0).count();
        double total = 1;
        for (Trade t : trades) total *= 1 + t.netReturn();
        double mean = trades.stream().mapToDouble(Trade::netReturn).average().orElse(Double.NaN);
        long span = first == null ? 0 : Duration.between(first, last).toSeconds();
        return new Result(name, rule, fear, greed, readings, extremes, List.copyOf(trades), wins,
                trades.isEmpty() ? Double.NaN : (double) wins / trades.size(), mean, total - 1,
                first == null ? Double.NaN : lastPrice / firstPrice - 1, span == 0 ? 0 : (double) held.toSeconds() / span,
                first, last, trades.size() < MIN_TRADES);
    }

    private static Trade trade(Instant in, Instant out, double pin, double pout, double fee, boolean open) {
        return new Trade(in, out, pin, pout, pout / pin * (1 - fee) * (1 - fee) - 1, open);
    }
}
