package com.bizcharts.collect.http;

import java.net.URI;
import java.time.Duration;

/**
 * A request that failed and will be tried again: what long jobs (a Warosu import, a price sync) show while they
 * wait, so a site that cannot be reached reads as "retrying" within seconds rather than as a silent minute.
 */
public record RetryNotice(URI uri, int attempt, int maxAttempts, String problem, Duration nextTry) {

    /**
     * "retrying: connection failed (ConnectException) at warosu.org: attempt 2/6, next try in 8 s", or on the last
     * attempt "... attempt 6/6, giving up".
     */
    public String describe() {
        long s = Math.max(0, Math.round(nextTry.toMillis() / 1000.0));
        String what = problem + " at " + uri.getHost() + ": attempt " + attempt + "/" + maxAttempts;
        return attempt < maxAttempts ? "retrying: " + what + ", next try in " + s + " s" : what + ", giving up";
    }
}
