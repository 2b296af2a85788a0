package com.bizcharts.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchIndexCommandTest {

    @Test
    void printsOneFigurePerRunForTheReportedBuckets() {
        CliTest bench = CliTest.run("bench", "index", "--posts", "5000", "--days", "12", "--runs", "2");
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out().lines().toList()).hasSize(2);
        assertThat(bench.out()).contains("run 2: 5000 posts -> 12 daily buckets in");
    }

    @Test
    void rejectsNonPositiveSizes() {
        CliTest bad = CliTest.run("bench", "index", "--posts", "0");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("must be positive");
    }
}
