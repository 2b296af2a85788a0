/**
 * Polite HTTP for the collectors: one shared pace per host group (counted from the end of each request), conditional
 * GETs, backoff with Retry-After, and every exchange bounded in time (headers and body) and size (a cap per kind).
 */
package com.bizcharts.collect.http;
