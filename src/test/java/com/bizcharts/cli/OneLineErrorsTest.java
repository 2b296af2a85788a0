package com.bizcharts.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's errors in one line that names the thing and what is expected (issue 15). */
class OneLineErrorsTest {

    @Test
    void aBadDateIsNamedWithTheFormatExpected(@TempDir Path dir) {
        CliTest r = CliTest.run("--db", dir.resolve("x.db").toString(), "index", "--from", "2025-13-01", "--to", "2025-12-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: --from 2025-13-01: not a date, expected YYYY-MM-DD (see 'bizcharts index --help')");
        // strict: a day that does not exist is not quietly moved to the month's end
        assertThat(CliTest.run("--db", dir.resolve("x.db").toString(), "coins", "--to", "2025-02-30").err())
                .contains("--to 2025-02-30: not a date, expected YYYY-MM-DD");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    @Test
    void aMissingLabelsFileIsNamed(@TempDir Path dir) {
        CliTest r = CliTest.run("train", "--data", dir.resolve("missing.jsonl").toString(), "--out", dir.resolve("m").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: labels file " + dir.resolve("missing.jsonl") + " not found");
    }
}
