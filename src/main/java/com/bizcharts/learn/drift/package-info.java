/** Drift detection: ADWIN over the prediction error stream and a vocabulary monitor for new slang and tickers. */
package com.bizcharts.learn.drift;
