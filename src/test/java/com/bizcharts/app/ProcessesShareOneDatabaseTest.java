package com.bizcharts.app;

import com.bizcharts.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A command beside another real process that is writing to the same file: it waits its turn, it does not fail. */
class ProcessesShareOneDatabaseTest {

    @TempDir Path dir;

    @Test
    void anImportWaitsForAnotherProcessesWriteAndReadsDoNotWaitAtAll() throws Exception {
        Path db = dir.resolve("shared.db");
        Path labels = Path.of(getClass().getResource("/com/bizcharts/store/labels/labels.jsonl").toURI());
        assertThat(CliTest.run("--db", db.toString(), "labels", "stats").exitCode()).isEqualTo(2); // not there yet
        assertThat(CliTest.run("--db", db.toString(), "labels", "import", labels.toString(), "--labeler", "first").exitCode()).isZero();

        Path log = dir.resolve("holder.log");
        Process holder = ChildCli.startMain(log, java.util.List.of(), WriteLockHolder.class, db.toString(), "4000");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readString(log).contains("holding") && holder.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(Files.readString(log)).contains("holding");

            long t0 = System.nanoTime();
            CliTest stats = CliTest.run("--db", db.toString(), "labels", "stats");
            assertThat(stats.exitCode()).as(stats.err()).isZero();
            assertThat(stats.out()).contains("4 rated");
            assertThat(holder.isAlive()).as("the read did not wait for the writer").isTrue();

            CliTest second = CliTest.run("--db", db.toString(), "labels", "import", labels.toString(), "--labeler", "second");
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("4 new labels");
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("released");
            assertThat(took).as("the import waited for the other process's commit").isGreaterThan(Duration.ofSeconds(1));
        } finally {
            holder.destroyForcibly();
        }
        CliTest after = CliTest.run("--db", db.toString(), "labels", "stats");
        assertThat(after.out()).contains("8 rated").containsPattern("first\\s+4").containsPattern("second\\s+4");
    }
}
