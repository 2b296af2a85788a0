/** The dashboard's numbers: the Fear/Greed index and per-coin sentiment, computed point-in-time. */
package com.bizcharts.index;
