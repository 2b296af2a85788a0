/**
 * Polite HTTP: one {@link com.bizcharts.collect.http.PoliteFetcher} per host group, each with its own
 * {@link com.bizcharts.collect.http.RateLimiter}, deterministic backoff and Retry-After handling. Time comes from an
 * injectable {@link com.bizcharts.collect.http.TimeSource} so tests never sleep for real.
 */
package com.bizcharts.collect.http;
