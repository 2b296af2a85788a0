package com.bizcharts.store;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one SQLite file: opened in WAL mode with foreign keys on, migrated by Flyway on open.
 *
 * <p>SQLite allows one writer at a time, so all writes go through {@link #write}, which serialises them on one
 * long-lived connection inside a transaction; readers use their own connections and never wait on writers (WAL).
 * Another process (a second command, the workstation) may hold the write lock: a write then waits for it, retried
 * as a whole for up to {@link #WRITE_PATIENCE}, and fails with a sentence, not the SQL. A file (or folder) that cannot
 * be written is opened read-only: reads work, writes fail at once saying so.
 */
public final class Database implements AutoCloseable {

    static {
        // jOOQ prints a banner and tips on first use; a command-line tool must not.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** How long a write waits for another process's write lock, over all its attempts, before it fails. */
    public static final Duration WRITE_PATIENCE = Duration.ofSeconds(30);

    private final Path file;
    private final boolean readOnly;
    private final BusyRetry busy;
    private final SQLiteDataSource dataSource;
    private final SQLiteDataSource writerSource;
    private final Connection writerConnection;
    private final DSLContext writer;
    private final DSLContext reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Work to run once the transaction in flight commits (its listeners must never see a rolled-back write). */
    private final List<Runnable> afterCommit = new ArrayList<>();
    private Connection versionConnection;
    private final PostChanges postChanges = new PostChanges();

    private Database(Path file, boolean readOnly, Duration writePatience) throws SQLException {
        this.file = file;
        this.readOnly = readOnly;
        this.busy = new BusyRetry(writePatience, file);
        this.dataSource = SqliteSources.reader(file, readOnly, busy.busyTimeout());
        this.writerSource = readOnly ? null : SqliteSources.writer(file, busy.busyTimeout());
        Settings jooqSettings = new Settings().withRenderSchema(false).withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
        this.writerConnection = readOnly ? null : writerSource.getConnection();
        this.writer = readOnly ? null : DSL.using(writerConnection, SQLDialect.SQLITE, jooqSettings);
        this.reader = DSL.using(dataSource, SQLDialect.SQLITE, jooqSettings);
    }

    /**
     * Opens (creating if needed) and migrates the database file. A file that exists but cannot be written (or whose
     * folder cannot) is opened read-only instead.
     */
    public static Database open(Path file) {
        return open(file, WRITE_PATIENCE);
    }

    static Database open(Path file, Duration writePatience) {
        boolean existed = Files.isRegularFile(file);
        if (existed && !writable(file)) return openReadOnly(file);
        Database db = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            db = new Database(file, false, writePatience);
            db.migrate();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        } catch (SQLException | RuntimeException e) {
            if (db != null) db.close();
            if (existed && (SqliteErrors.isReadOnly(e) || SqliteErrors.isCantOpen(e))) return openReadOnly(file);
            if (e instanceof StoreException se) throw se;
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing database for reading only; {@link #write} then fails at once with a sentence saying so. The
     * schema must be current: migrating would write.
     */
    public static Database openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) throw new StoreException("database does not exist: " + file);
        Database db;
        try {
            db = new Database(file, true, WRITE_PATIENCE);
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file + " read-only: " + e.getMessage(), e);
        }
        int pending;
        try {
            pending = flyway(db.dataSource).info().pending().length;
        } catch (RuntimeException e) {
            db.close();
            throw new StoreException("cannot read database " + file + " read-only: " + e.getMessage(), e);
        }
        if (pending > 0) {
            db.close();
            throw new StoreException("database " + file + " is read-only and needs " + pending + " upgrade(s) for this"
                    + " version of BizCharts: open it once where it can be written");
        }
        return db;
    }

    private static boolean writable(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return Files.isWritable(file) && (folder == null || Files.isWritable(folder));
    }

    private static Flyway flyway(javax.sql.DataSource source) {
        return Flyway.configure().dataSource(source).locations("classpath:db/migration").loggers("slf4j").load();
    }

    private void migrate() {
        // asked on a reader first: with nothing to do, opening never waits for another process's write lock
        if (flyway(dataSource).info().pending().length == 0) return;
        busy.run(() -> flyway(writerSource).migrate());
    }

    /** Whether this database was opened read-only (its file or folder cannot be written). */
    public boolean readOnly() {
        return readOnly;
    }

    /** Which posts were stored or changed, announced after each commit. */
    public PostChanges postChanges() {
        return postChanges;
    }

    /**
     * Announces that what a model reads of these posts changed (stored OCR text, say), once the write in flight
     * commits. Posts stored through {@link ThreadRepository} are announced by it.
     */
    public void announceChanged(List<Long> threadIds) {
        announce(threadIds);
    }

    /** Announces {@code threadIds} once the write in flight commits. */
    void announce(List<Long> threadIds) {
        List<Long> ids = List.copyOf(threadIds);
        afterCommit(() -> postChanges.publish(ids));
    }

    public Path file() {
        return file;
    }

    /** A context for reads; safe from any thread. */
    public DSLContext read() {
        return reader;
    }

    /**
     * Runs {@code work} in one transaction on the single writer connection; all or nothing. What {@link #afterCommit}
     * queued during it runs after the commit, on this thread, outside the lock; after a rollback it is dropped.
     */
    public <T> T write(Function<DSLContext, T> work) {
        if (readOnly) throw new StoreException(busy.readOnlyMessage());
        List<Runnable> committed = List.of();
        T result;
        writeLock.lock();
        boolean outermost = writeLock.getHoldCount() == 1; // a nested write joins the outer transaction's fate
        try {
            if (outermost) {
                // the whole transaction is retried while another process holds the lock: work must not have effects
                // outside it, which is what afterCommit is for (cleared before each attempt)
                result = busy.run(() -> {
                    afterCommit.clear();
                    return writer.transactionResult(cfg -> work.apply(DSL.using(cfg)));
                });
                committed = List.copyOf(afterCommit);
            } else {
                result = writer.transactionResult(cfg -> work.apply(DSL.using(cfg)));
            }
        } finally {
            if (outermost) afterCommit.clear();
            writeLock.unlock();
        }
        for (Runnable r : committed) r.run();
        return result;
    }

    /**
     * Queues {@code r} to run when the write in flight on this thread commits; outside a write it runs at once. Used
     * to announce new posts only once they are really stored.
     */
    public void afterCommit(Runnable r) {
        if (writeLock.isHeldByCurrentThread()) afterCommit.add(r);
        else r.run();
    }

    /**
     * SQLite's {@code PRAGMA data_version} on a connection of its own: it changes whenever any other connection (this
     * process's writer or another process) has committed since the last call. Cheap enough to poll every second.
     */
    public synchronized long dataVersion() {
        try {
            if (versionConnection == null) versionConnection = dataSource.getConnection();
            try (var st = versionConnection.createStatement(); var rs = st.executeQuery("PRAGMA data_version")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the database's data_version: " + e.getMessage(), e);
        }
    }

    public void writeVoid(Consumer<DSLContext> work) {
        write(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    /**
     * VACUUM then ANALYZE, on the writer connection so no write can interleave. VACUUM refuses to run inside a
     * transaction, hence not through {@link #write}. The WAL is checkpointed before and after, so the space
     * really goes back to the disk.
     */
    public void compact() {
        if (readOnly) throw new StoreException(busy.readOnlyMessage());
        writeLock.lock();
        try (var statement = writerConnection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            statement.execute("VACUUM");
            statement.execute("ANALYZE");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");  // in WAL mode VACUUM's copy lands in the WAL
        } catch (SQLException e) {
            throw new StoreException("VACUUM/ANALYZE failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            synchronized (this) {
                if (versionConnection != null) versionConnection.close();
            }
            if (writerConnection != null) writerConnection.close();
        } catch (SQLException e) {
            throw new StoreException("closing database failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }
}
