package com.bizcharts.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Two connections (as two processes would have) on one file, one holding the write lock. */
class DatabaseConcurrencyTest {

    private static final Instant T = Instant.parse("2025-11-01T00:00:00Z");

    @TempDir Path dir;

    private static ThreadOp op(long id) {
        return new ThreadOp(id, "biz", null, null, "post " + id, null, null, T, 0, 0, null, null, false, false, ThreadOp.Source.LIVE);
    }

    /** Holds the write lock of {@code db} on another thread until {@code release} counts down. */
    private static CompletableFuture<Void> holdWriteLock(Database db, CountDownLatch held, CountDownLatch release) {
        return CompletableFuture.runAsync(() -> db.writeVoid(ctx -> {
            new ThreadRepository(db).upsert(ctx, List.of(op(1)), T);
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    @Test
    void aWriteThatReadsFirstWaitsForAnotherConnectionsWriteInsteadOfFailingAtOnce() throws Exception {
        Path file = dir.resolve("two.db");
        try (Database first = Database.open(file); Database second = Database.open(file)) {
            CountDownLatch held = new CountDownLatch(1), release = new CountDownLatch(1);
            CompletableFuture<Void> holder = holdWriteLock(first, held, release);
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(release::countDown);
            long t0 = System.nanoTime();
            // an upsert reads which posts are known before it writes: the pattern that failed with SQLITE_BUSY at once
            new ThreadRepository(second).upsert(List.of(op(2)), T);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(800));
            holder.get(10, TimeUnit.SECONDS);
            assertThat(second.read().fetchCount(THREAD_OPS)).isEqualTo(2);
        }
    }

    @Test
    void aWriteGivesUpAfterItsPatienceWithOneSentenceAndNoSql() throws Exception {
        Path file = dir.resolve("busy.db");
        try (Database first = Database.open(file); Database second = Database.open(file, Duration.ofMillis(800))) {
            CountDownLatch held = new CountDownLatch(1), release = new CountDownLatch(1);
            CompletableFuture<Void> holder = holdWriteLock(first, held, release);
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            try {
                assertThatThrownBy(() -> new ThreadRepository(second).upsert(List.of(op(2)), T))
                        .isInstanceOf(StoreException.class)
                        .hasMessage("database busy: another bizcharts process is writing; gave up after 0.8 s");
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(750), Duration.ofSeconds(6));
            } finally {
                release.countDown();
            }
            holder.get(10, TimeUnit.SECONDS);
            // the lock is free again: the same write now goes through
            new ThreadRepository(second).upsert(List.of(op(2)), T);
            assertThat(second.read().fetchCount(THREAD_OPS)).isEqualTo(2);
        }
    }

    @Test
    void aReadOnlyDatabaseAnswersReadsCreatesNoFilesAndRefusesWritesInOneSentence() throws Exception {
        Path file = dir.resolve("ro.db");
        try (Database db = Database.open(file)) {
            new ThreadRepository(db).upsert(List.of(op(1), op(2)), T);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ro.db");  // the WAL went on close
        }
        try (Database db = Database.openReadOnly(file)) {
            assertThat(db.readOnly()).isTrue();
            assertThat(new ThreadRepository(db).count()).isEqualTo(2);
            assertThat(db.dataVersion()).isPositive();
            assertThatThrownBy(() -> new ThreadRepository(db).upsert(List.of(op(3)), T))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("database is read-only: " + file + " (the file or its folder cannot be written); commands that only read still work");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no -wal or -shm: a read-only folder could not hold them")
                        .containsExactly("ro.db");
            }
        }
    }

    @Test
    void aDatabaseInAFolderThatCannotBeWrittenOpensReadOnly() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write to any folder");
        Path folder = Files.createDirectories(dir.resolve("locked"));
        Path file = folder.resolve("ro.db");
        try (Database db = Database.open(file)) {
            new ThreadRepository(db).upsert(List.of(op(1)), T);
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try (Database db = Database.open(file)) {
            assertThat(db.readOnly()).isTrue();
            assertThat(new ThreadRepository(db).count()).isEqualTo(1);
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
