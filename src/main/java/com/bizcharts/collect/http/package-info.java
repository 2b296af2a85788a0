/** Polite HTTP for the collectors: one shared pace per host group, conditional GETs, backoff with Retry-After. */
package com.bizcharts.collect.http;
