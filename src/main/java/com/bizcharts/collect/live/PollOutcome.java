package com.bizcharts.collect.live;

/**
 * What one poll did.
 *
 * @param kind    CHANGED (stored), NOT_MODIFIED (304), GONE (404), MALFORMED (payload rejected, nothing stored),
 *                SUSPICIOUS (a well-formed catalog without a single thread: /biz/ is never empty, so nothing is stored)
 * @param message for MALFORMED and SUSPICIOUS, why
 */
public record PollOutcome(Kind kind, int threads, int newThreads, int updatedThreads, int thumbnailsSaved,
                          String message) {

    public enum Kind { CHANGED, NOT_MODIFIED, GONE, MALFORMED, SUSPICIOUS }

    static PollOutcome of(Kind kind, String message) {
        return new PollOutcome(kind, 0, 0, 0, 0, message);
    }
}
