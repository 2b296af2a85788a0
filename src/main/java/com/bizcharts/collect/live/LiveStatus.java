package com.bizcharts.collect.live;

import java.time.Instant;

/**
 * A snapshot of the live scraper for the status bar and the Collect view; immutable, so any thread may read it.
 *
 * @param lastPoll  when the last poll finished, or null
 * @param nextPoll  when the next one is due, or null when stopped
 * @param lastError the last failure's message, or null
 * @param thumbnailsDone   thumbnails fetched so far by the poll in progress (or the last one)
 * @param thumbnailsWanted thumbnails that poll fetches (not on disk yet, at most the per-poll cap)
 */
public record LiveStatus(State state, Instant lastPoll, Instant nextPoll, int polls, int newThreads,
                         int updatedThreads, int errors, String lastError, PollOutcome lastOutcome,
                         int thumbnailsDone, int thumbnailsWanted) {

    public enum State { STOPPED, POLLING, WAITING, BACKING_OFF, FAILED }

    /** The poll's threads are stored; its thumbnails are still coming. */
    public boolean fetchingThumbnails() {
        return state == State.POLLING && thumbnailsDone < thumbnailsWanted;
    }

    public static LiveStatus stopped() {
        return new LiveStatus(State.STOPPED, null, null, 0, 0, 0, 0, null, null, 0, 0);
    }
}
