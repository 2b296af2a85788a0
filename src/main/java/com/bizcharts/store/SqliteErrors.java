package com.bizcharts.store;

import org.sqlite.SQLiteException;

/**
 * What kind of SQLite failure an exception carries, whatever wraps it (jOOQ, Flyway): the store answers "busy" and
 * "read-only" with a sentence for the user and retries the first, instead of passing on a message with the SQL in it.
 */
final class SqliteErrors {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CANTOPEN = 14;

    private SqliteErrors() {}

    /** Another connection holds the write lock (any SQLITE_BUSY_* extended code). */
    static boolean isBusy(Throwable t) {
        return primaryCode(t) == SQLITE_BUSY;
    }

    /** The file, its folder or the connection is read-only. */
    static boolean isReadOnly(Throwable t) {
        return primaryCode(t) == SQLITE_READONLY;
    }

    /** The file (or its -wal/-shm) could not be opened, as in a folder that cannot be written. */
    static boolean isCantOpen(Throwable t) {
        return primaryCode(t) == SQLITE_CANTOPEN;
    }

    /** SQLite's primary result code (the low byte of the extended one) of the first SQLite exception in the chain, or -1. */
    private static int primaryCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLiteException e && e.getResultCode() != null) return e.getResultCode().code & 0xFF;
        }
        return -1;
    }
}
