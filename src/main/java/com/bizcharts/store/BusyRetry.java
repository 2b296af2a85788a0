package com.bizcharts.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs a write again while another connection (another bizcharts process) holds SQLite's write lock: each attempt
 * waits up to {@link #BUSY_TIMEOUT} inside SQLite, then the whole transaction is retried after a pause of 50 ms,
 * 100 ms, ... up to 1 s, for up to the patience in all. Busy and read-only failures become one sentence saying what
 * happened, never the SQL (jOOQ's messages carry the whole statement).
 */
final class BusyRetry {

    /** SQLite's own wait for a lock within one attempt (its busy handler sleeps in steps of up to 100 ms). */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

    static final Duration FIRST_PAUSE = Duration.ofMillis(50), LAST_PAUSE = Duration.ofSeconds(1);

    private final Duration patience;
    private final Path file;

    BusyRetry(Duration patience, Path file) {
        this.patience = patience;
        this.file = file;
    }

    /** SQLite's busy timeout for the connections: no longer than the whole patience. */
    Duration busyTimeout() {
        return patience.compareTo(BUSY_TIMEOUT) < 0 ? patience : BUSY_TIMEOUT;
    }

    <T> T run(Supplier<T> attempt) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = FIRST_PAUSE.toMillis();
        while (true) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (SqliteErrors.isReadOnly(e)) throw new StoreException(readOnlyMessage(), e);
                if (!SqliteErrors.isBusy(e)) throw e;
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) throw new StoreException(busyMessage(), e);
                try {
                    Thread.sleep(Math.min(pause, leftMs));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while waiting for another bizcharts process to finish writing", ie);
                }
                pause = Math.min(pause * 2, LAST_PAUSE.toMillis());
            }
        }
    }

    String busyMessage() {
        long ms = patience.toMillis();
        String waited = ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        return "database busy: another bizcharts process is writing; gave up after " + waited;
    }

    String readOnlyMessage() {
        return "database is read-only: " + file + " (the file or its folder cannot be written); commands that only read still work";
    }
}
