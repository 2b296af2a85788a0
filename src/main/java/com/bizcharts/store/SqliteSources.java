package com.bizcharts.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** How {@link Database} connects to its file: the readers', the writer's and the read-only connections. */
final class SqliteSources {

    private SqliteSources() {}

    /** Reads: deferred transactions (an immediate one would take the write lock), WAL unless read-only. */
    static SQLiteDataSource reader(Path file, boolean readOnly, Duration busyTimeout) {
        return source(url(file, readOnly), config(readOnly, busyTimeout, SQLiteConfig.TransactionMode.DEFERRED));
    }

    /**
     * The writer: BEGIN IMMEDIATE, so the write lock is taken when the transaction starts, waiting in SQLite's busy
     * handler. A deferred transaction starts as a reader and is upgraded at its first write; while another process
     * writes, WAL mode fails that upgrade at once with SQLITE_BUSY, never waiting (an import reads which posts are known
     * before it writes: it failed at once beside {@code score}).
     */
    static SQLiteDataSource writer(Path file, Duration busyTimeout) {
        return source(url(file, false), config(false, busyTimeout, SQLiteConfig.TransactionMode.IMMEDIATE));
    }

    private static SQLiteDataSource source(String url, SQLiteConfig config) {
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    private static SQLiteConfig config(boolean readOnly, Duration busyTimeout, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.setTransactionMode(mode);
        if (readOnly) {
            config.setReadOnly(true);  // and no journal-mode pragma: setting it would write
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        return config;
    }

    /**
     * Read-only without a write-ahead log in use is opened immutable: SQLite then needs no -shm file, which a folder
     * that cannot be written could not hold (a WAL reader otherwise creates one). With a WAL in use the file is opened
     * read-only and the WAL read too.
     */
    private static String url(Path file, boolean readOnly) {
        Path abs = file.toAbsolutePath();
        if (!readOnly) return "jdbc:sqlite:" + abs;
        Path wal = abs.resolveSibling(abs.getFileName() + "-wal");
        boolean walInUse;
        try {
            walInUse = Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            walInUse = true;
        }
        return "jdbc:sqlite:" + abs.toUri() + (walInUse ? "?mode=ro" : "?immutable=1");
    }
}
