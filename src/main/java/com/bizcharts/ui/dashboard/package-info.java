/**
 * The dashboard: the Fear/Greed gauge, the index with a coin's price overlaid, the per-coin table with sparklines, the
 * selected coin's sentiment and price, the lead-lag chart and the extremes backtest; PNG export of the charts.
 */
package com.bizcharts.ui.dashboard;
