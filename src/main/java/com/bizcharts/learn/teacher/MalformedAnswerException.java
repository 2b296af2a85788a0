package com.bizcharts.learn.teacher;

/** The teacher answered, but not with a verdict we can trust: it is recorded as a failure, never as a label. */
public final class MalformedAnswerException extends Exception {

    private final boolean refusal;

    MalformedAnswerException(String message, boolean refusal) {
        super(message);
        this.refusal = refusal;
    }

    public boolean isRefusal() {
        return refusal;
    }
}
