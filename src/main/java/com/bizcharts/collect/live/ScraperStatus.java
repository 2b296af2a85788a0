package com.bizcharts.collect.live;

import java.time.Instant;

/**
 * An immutable picture of the live scraper, safe to hand to any thread (the GUI copies it onto the FX thread).
 *
 * @param lastPollAt    when the last poll finished (successfully or not), or null before the first
 * @param nextPollAt    when the next poll is due, or null when none is scheduled
 * @param lastNew       threads new to the store in the last changed catalog
 * @param lastUpdated   threads already known in the last changed catalog
 * @param totalNew      new threads since the service started
 * @param lastError     the last failure's message, cleared by the next successful poll
 */
public record ScraperStatus(State state, Instant lastPollAt, Instant nextPollAt, int polls, int lastNew,
                            int lastUpdated, long totalNew, long totalUpdated, String lastError) {

    public enum State { IDLE, POLLING, BACKING_OFF, STOPPED, FAILED }

    public static ScraperStatus initial() {
        return new ScraperStatus(State.IDLE, null, null, 0, 0, 0, 0, 0, null);
    }

    ScraperStatus with(State newState, Instant next) {
        return new ScraperStatus(newState, lastPollAt, next, polls, lastNew, lastUpdated, totalNew, totalUpdated, lastError);
    }
}
