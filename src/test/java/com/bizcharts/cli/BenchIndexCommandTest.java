package com.bizcharts.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchIndexCommandTest {

    @Test
    void printsTheAggregationFigure(@TempDir Path dir) {
        CliTest r = CliTest.run("--db", dir.resolve("b.db").toString(), "bench", "index", "--posts", "20000");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("20000 posts, 365 daily buckets .* aggregation \\d+\\.\\d ms");
    }
}
