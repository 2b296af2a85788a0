package com.bizcharts.cli;

import com.bizcharts.collect.live.CatalogParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCatalogCommandTest {

    @Test
    void generatedCatalogIsAValid150ThreadCatalog() throws Exception {
        var entries = new CatalogParser("biz", URI.create("https://i.example"))
                .parse(BenchCatalogCommand.catalog(150).getBytes(StandardCharsets.UTF_8));
        assertThat(entries).hasSize(150);
        assertThat(entries.get(0).op().opTextClean()).startsWith(">tfw bought the top\nwe're so back");
    }

    @Test
    void printsFigures(@TempDir Path dir) {
        CliTest r = CliTest.run("--db", dir.resolve("b.db").toString(), "bench", "catalog", "--rounds", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("parse \\+ store: median +\\d+\\.\\d+ ms");
    }
}
