package com.bizcharts.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsCommandTest {

    @Test
    void importExportAndStats(@TempDir Path dir) throws Exception {
        Path file = Path.of(getClass().getResource("/com/bizcharts/store/labels/labels.jsonl").toURI());
        String db = dir.resolve("c.db").toString();
        CliTest imp = CliTest.run("--db", db, "labels", "import", file.toString(), "--labeler", "carol");
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("imported 4 rows as labeler 'carol': 4 new posts, 4 new labels");

        CliTest stats = CliTest.run("--db", db, "labels", "stats");
        assertThat(stats.out()).contains("4 rated, 0 skipped").containsPattern("bullish\\s+2").containsPattern("carol\\s+4");

        Path csv = dir.resolve("out.csv");
        CliTest exp = CliTest.run("--db", db, "labels", "export", csv.toString());
        assertThat(exp.out()).contains("exported 4 labels");
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThanOrEqualTo(5);

        CliTest missing = CliTest.run("--db", db, "labels", "import", dir.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: labels file not found");
    }
}
