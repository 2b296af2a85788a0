package com.bizcharts.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BizchartsCommandTest {

    @Test
    void helpListsTheCommands() {
        CliTest r = CliTest.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("bizcharts").contains("--db");
    }

    @Test
    void unknownOptionIsOneLineAndNonZero() {
        CliTest r = CliTest.run("--bogus");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception");
    }
}
