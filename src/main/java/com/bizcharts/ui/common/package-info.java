/** Shared UI pieces: executors for view-models, the colour tokens. */
package com.bizcharts.ui.common;
