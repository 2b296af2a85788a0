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

/** {@code labels agreement} on the hand-computed fixture of {@code AgreementTest}, through the store. */
class LabelsAgreementCommandTest {

    @Test
    void printsEachPairAndTheWholeGroup(@TempDir Path dir) {
        Path db = dir.resolve("x.db");
        int[][] byLabeler = {{3, 3, 3, 1, 1, 2, 2, 3, 1, 2}, {3, 3, 1, 1, 1, 2, 3, 3, 1, 2}, {3, 3, 3, 1}};
        String[] who = {"A", "B", "C"};
        try (Database d = Database.open(db)) {
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                ops.add(new ThreadOp(i, "biz", null, null, "post " + i, null, null, Instant.parse("2026-01-02T10:00:00Z").plusSeconds(i),
                        0, 0, null, null, false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(d).upsert(ops, Instant.parse("2026-01-02T12:00:00Z"));
            LabelRepository labels = new LabelRepository(d);
            for (int l = 0; l < who.length; l++) {
                for (int i = 0; i < byLabeler[l].length; i++) {
                    labels.save(Label.rated(i + 1, byLabeler[l][i], who[l], Instant.parse("2026-01-03T00:00:00Z").plusSeconds(i), null, null));
                }
            }
            labels.save(Label.skip(5, "C", Instant.parse("2026-01-03T01:00:00Z"))); // a skip is not a rating
        }
        CliTest r = CliTest.run("--db", db.toString(), "labels", "agreement");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("  A vs B: 0.697 on 10 posts", "  A vs C: 1.000 on 4 posts", "  B vs C: 0.500 on 4 posts",
                "Fleiss' kappa 0.738, Krippendorff's alpha 0.749", "humans vs teacher: no post carries both");
    }
}
