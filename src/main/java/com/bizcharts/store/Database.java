package com.bizcharts.store;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
 */
public final class Database implements AutoCloseable {

    static {
        // jOOQ prints a banner and tips on first use; a command-line tool must not.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final Connection writerConnection;
    private final DSLContext writer;
    private final DSLContext reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Work to run once the transaction in flight commits (its listeners must never see a rolled-back write). */
    private final List<Runnable> afterCommit = new ArrayList<>();
    private Connection versionConnection;
    private final PostChanges postChanges = new PostChanges();

    private Database(Path file) throws SQLException {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        this.dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Settings jooqSettings = new Settings().withRenderSchema(false).withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
        this.writerConnection = dataSource.getConnection();
        this.writer = DSL.using(writerConnection, SQLDialect.SQLITE, jooqSettings);
        this.reader = DSL.using(dataSource, SQLDialect.SQLITE, jooqSettings);
    }

    /** Opens (creating if needed) and migrates the database file. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Database db = new Database(file);
            db.migrate();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
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
        List<Runnable> committed = List.of();
        T result;
        writeLock.lock();
        boolean outermost = writeLock.getHoldCount() == 1; // a nested write joins the outer transaction's fate
        try {
            if (outermost) afterCommit.clear();
            result = writer.transactionResult(cfg -> work.apply(DSL.using(cfg)));
            if (outermost) committed = List.copyOf(afterCommit);
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
            writerConnection.close();
        } catch (SQLException e) {
            throw new StoreException("closing database failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }
}
