package com.bizcharts.cli;

import java.nio.file.Path;
import java.sql.SQLException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line's errors in one line that names the thing and what is expected (issues 14 and 15). */
class OneLineErrorsTest {


    @Test
    void aDatabaseErrorGivesTheDatabasesReasonNotTheStatement() {
        String statement = "insert into coin_mentions values " + "(1000, 'BTC', 7.5E-1, 'subject'), ".repeat(40_000);
        String reason = "[SQLITE_TOOBIG] String or BLOB exceeds size limit (statement too long)";
        var ex = new DataAccessException("SQL [" + statement + "]; " + reason, new SQLException(reason));
        assertThat(OneLineErrors.oneLine(ex)).isEqualTo("database error: " + reason);
    }

    @Test
    void aLongMessageIsCutToOneShortLine() {
        String message = OneLineErrors.oneLine(new IllegalStateException("first line\nsecond " + "x".repeat(5_000)));
        assertThat(message).startsWith("first line second xxx").doesNotContain("\n")
                .endsWith("... (" + (5_018 - OneLineErrors.MAX_MESSAGE) + " more characters in the debug log)");
        assertThat(message.length()).isLessThan(OneLineErrors.MAX_MESSAGE + 60);
    }


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

    @Test
    void autolabelChecksItsOptionsBeforeOpeningADatabase(@TempDir Path dir) {
        Path db = dir.resolve("x.db");
        CliTest r = CliTest.run("--db", db.toString(), "autolabel", "--provider", "compatible", "--rate-limit", "-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--rate-limit must not be negative");
        assertThat(db).doesNotExist();
    }
}
