package com.bizcharts.sentiment.hub;

/**
 * A fetch that did not succeed, in one line that names the repository, revision and file and says what to do.
 * {@code partKept}: the bytes received so far are kept in the {@code .part} file and the next fetch resumes there.
 */
public final class HubException extends RuntimeException {

    private final boolean partKept;

    public HubException(String message, boolean partKept) {
        super(message);
        this.partKept = partKept;
    }

    public HubException(String message, boolean partKept, Throwable cause) {
        super(message, cause);
        this.partKept = partKept;
    }

    public boolean partKept() {
        return partKept;
    }
}
