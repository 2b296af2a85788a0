package com.bizcharts.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench ui} end to end, kept small: one cold start in a fresh JVM (headless), a few keypresses. */
class BenchUiCommandTest {

    @Test
    void startsTheWorkstationInFreshJvmsAndPrintsStartAndLatencyFigures(@TempDir Path dir) {
        CliTest r = CliTest.run("--db", dir.resolve("b.db").toString(), "bench", "ui", "--starts", "1", "--keypresses", "3",
                "--posts", "20", "--no-cds");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("headless toolkit, scratch database of 20 text posts")
                .containsPattern("no class-data archive +\\d+ ms +\\d+ ms +\\d+ ms +\\d+ ms")
                .containsPattern("next-post latency, 3 keypresses .*: p50 \\d+\\.\\d ms, p95 \\d+\\.\\d ms");
    }

    @Test
    void tooFewPostsForTheKeypressesIsAClearError(@TempDir Path dir) {
        CliTest r = CliTest.run("--db", dir.resolve("b.db").toString(), "bench", "ui", "--posts", "50", "--keypresses", "200");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--posts must exceed --keypresses by at least 10");
    }
}
