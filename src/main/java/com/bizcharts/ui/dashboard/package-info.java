/** The dashboard: Fear/Greed value and history, per-coin table. */
package com.bizcharts.ui.dashboard;
