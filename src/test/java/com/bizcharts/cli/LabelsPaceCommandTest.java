package com.bizcharts.cli;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code labels stats} summarises lead times: median seconds a label and labels per hour on screen. */
class LabelsPaceCommandTest {

    @Test
    void paceByLabelerAndByDay(@TempDir Path dir) {
        Path db = dir.resolve("x.db");
        try (Database d = Database.open(db)) {
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                ops.add(new ThreadOp(i, "biz", null, null, "t" + i, null, null, Instant.parse("2026-01-02T10:00:00Z").plusSeconds(i),
                        0, 0, null, null, false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(d).upsert(ops, Instant.parse("2026-01-02T12:00:00Z"));
            LabelRepository labels = new LabelRepository(d);
            long[] leads = {1000, 3000, 2000};
            for (int i = 0; i < leads.length; i++) {
                labels.save(Label.rated(i + 1, 2, "alice", Instant.parse("2026-01-03T00:00:00Z").plusSeconds(i), null, null).withLeadTime(leads[i]));
            }
            labels.save(Label.rated(4, 2, "bob", Instant.parse("2026-01-04T00:00:00Z"), null, null)); // from a file: not timed
        }
        CliTest r = CliTest.run("--db", db.toString(), "labels", "stats");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // median of 1, 2, 3 s; 3 labels in 6 s on screen = 1,800 an hour
        assertThat(r.out()).contains("pace by labeler (time each post was on screen):",
                "  alice        median 2.0 s a label, 1800 labels/hour on screen (3 timed)",
                "  2026-01-03   median 2.0 s a label, 1800 labels/hour on screen (3 timed)").doesNotContain("  bob          median");
    }
}
