package com.bizcharts.cli;

import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreReportsCommandTest {

    private static ThreadOp op(long id, String day, ThreadOp.Source source) {
        return new ThreadOp(id, "biz", null, null, "t", null, null, Instant.parse(day + "T12:00:00Z"), 0, 0, null, null,
                false, false, source);
    }

    @Test
    void statsCoverageAndMaintainDryRun(@TempDir Path dir) {
        Path db = dir.resolve("r.db");
        try (Database d = Database.open(db)) {
            new ThreadRepository(d).upsert(List.of(op(1, "2026-01-01", ThreadOp.Source.WAROSU),
                    op(2, "2026-01-02", ThreadOp.Source.WAROSU), op(3, "2026-01-06", ThreadOp.Source.WAROSU),
                    op(4, "2026-01-06", ThreadOp.Source.LIVE)), Instant.parse("2026-01-07T00:00:00Z"));
        }
        CliTest stats = CliTest.run("--db", db.toString(), "stats");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).containsPattern("live\\s+1").containsPattern("warosu\\s+3").contains("2026-01-06      2");

        CliTest coverage = CliTest.run("--db", db.toString(), "coverage");
        assertThat(coverage.out()).contains("warosu: 2026-01-01 to 2026-01-06, 3 threads on 3 days, 1 gaps")
                .contains("gap 2026-01-03 to 2026-01-05 (3 days)");

        CliTest maintain = CliTest.run("--db", db.toString(), "maintain", "--dry-run");
        assertThat(maintain.exitCode()).isZero();
        assertThat(maintain.out()).contains("would strip raw HTML from 0 threads");

        CliTest dryVacuum = CliTest.run("--db", db.toString(), "maintain", "--dry-run", "--vacuum");
        assertThat(dryVacuum.out()).contains("would VACUUM and ANALYZE").doesNotContain("vacuumed");
        CliTest vacuum = CliTest.run("--db", db.toString(), "maintain", "--vacuum");
        assertThat(vacuum.exitCode()).as(vacuum.err()).isZero();
        assertThat(vacuum.out()).contains("vacuumed and analyzed: database");
    }
}
