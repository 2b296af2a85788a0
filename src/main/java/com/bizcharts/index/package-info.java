/**
 * The dashboard's numbers: the Fear/Greed index and per-coin sentiment, computed point-in-time from per-bucket sums
 * ({@code BucketTotals}, kept so a live update re-reads only the buckets whose posts changed), and set against coin
 * prices ({@code index.prices}) in the lead-lag table and the extremes backtest.
 */
package com.bizcharts.index;
