package com.bizcharts.collect.live;

import java.time.Instant;

/**
 * A snapshot of the live scraper for the status bar and the Collect view; immutable, so any thread may read it.
 *
 * @param lastPoll  when the last poll finished, or null
 * @param nextPoll  when the next one is due, or null when stopped
 * @param lastError the last failure's message, or null
 */
public record LiveStatus(State state, Instant lastPoll, Instant nextPoll, int polls, int newThreads,
                         int updatedThreads, int errors, String lastError, PollOutcome lastOutcome) {

    public enum State { STOPPED, POLLING, WAITING, BACKING_OFF, FAILED }

    public static LiveStatus stopped() {
        return new LiveStatus(State.STOPPED, null, null, 0, 0, 0, 0, null, null);
    }
}
