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

    @Test
    void aFileRatingOneThreadTwiceReportsOnePostAndSaysSo(@TempDir Path dir) throws Exception {
        String line = "{\"thread_id\": 7, \"posted_at\": \"2025-10-08 05:57:59\", \"rating\": 3}\n";
        Path file = Files.writeString(dir.resolve("twice.jsonl"), line + line);
        CliTest r = CliTest.run("--db", dir.resolve("c.db").toString(), "labels", "import", file.toString(), "--labeler", "carol");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported 2 rows as labeler 'carol': 1 new posts, 1 new labels, 0 already present")
                .contains("1 thread is rated more than once in the file (counted once, the first row kept):")
                .contains("  thread 7: rated 2 times in the file");
    }
}
