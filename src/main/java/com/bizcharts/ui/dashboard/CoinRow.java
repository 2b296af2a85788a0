package com.bizcharts.ui.dashboard;

import java.util.List;

/**
 * One coin in the dashboard's table: its sentiment over the range, the last bucket, and two sparklines.
 *
 * @param sentiment      mention-weighted sentiment over the range, in [-1, 1]
 * @param last           sentiment in the coin's latest bucket with mentions
 * @param change         change of {@code last} since the coin's bucket before it, or null
 * @param sentimentSpark sentiment per bucket of the range, NaN where the coin was not mentioned
 * @param priceSpark     closes at the buckets' ends, NaN where no price is stored; empty when the coin has none
 * @param priceChange    first to last close of the range, NaN without prices
 */
public record CoinRow(String coin, int mentions, double sentiment, double last, Double change, int bullish, int bearish,
                      List<Double> sentimentSpark, List<Double> priceSpark, double priceChange) {}
