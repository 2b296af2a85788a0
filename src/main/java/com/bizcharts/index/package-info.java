/**
 * The dashboard's numbers: the Fear/Greed index and per-coin sentiment, computed point-in-time, and set against coin
 * prices ({@code index.prices}) in the lead-lag table and the extremes backtest.
 */
package com.bizcharts.index;
