package com.bizcharts.cli;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

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
}
