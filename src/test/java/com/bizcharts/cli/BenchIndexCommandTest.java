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

    @Test
    void generatesAStoreOnceAndTimesTheFirstLoadAndLiveUpdates(@TempDir Path dir) {
        String store = dir.resolve("bench/board.db").toString();
        CliTest first = CliTest.run("bench", "index", "--posts", "3000", "--store", store);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("generated 3,000 posts over 365 days")
                .containsPattern("first load, 365 days in day buckets: +\\d+\\.\\d ms \\(cpu +\\d+ ms\\)  heap: peak \\d+ MB, after GC \\d+ MB")
                .containsPattern("live update, the newest 100 posts rescored: +\\d+\\.\\d ms")
                .contains("the updated sentiment equals a fresh load: yes");
        CliTest again = CliTest.run("bench", "index", "--posts", "3000", "--store", store, "--bucket", "hour");
        assertThat(again.out()).contains("reusing").contains("first load, 365 days in hour buckets:")
                .contains("the updated sentiment equals a fresh load: yes");
        assertThat(CliTest.run("bench", "index", "--posts", "2000", "--store", store).err()).contains("holds 3000 posts, not 2000");
    }
}
