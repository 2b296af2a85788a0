package com.bizcharts.cli;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LearnCommandTest {

    @Test
    void goldenFreezesAndDriftReports(@TempDir Path dir) {
        Path db = dir.resolve("l.db");
        Instant now = Instant.now();
        try (Database d = Database.open(db)) {
            for (int i = 0; i < 40; i++) {
                LearnFixtures.post(d, i, "", "bitcoin moon " + i, null, now.minusSeconds(3600));
                LearnFixtures.prediction(d, i, "m1", 2, now.minusSeconds(3600));
                LearnFixtures.label(d, i, 1 + i % 3, now.minusSeconds(1800));
            }
        }
        CliTest golden = CliTest.run("--db", db.toString(), "learn", "golden", "--freeze", "0.25");
        assertThat(golden.exitCode()).as(golden.err()).isZero();
        assertThat(golden.out()).contains("added 10 posts").contains("golden set: 10 posts");

        CliTest drift = CliTest.run("--db", db.toString(), "learn", "drift", "--model", "m1");
        assertThat(drift.exitCode()).as(drift.err()).isZero();
        assertThat(drift.out()).contains("model m1: 40 human labels").contains("error rate 0.675"); // 27 of 40 labels are not the predicted neutral

        // without --model: the active one, which is the shipped default while nothing else was activated
        CliTest active = CliTest.run("--db", db.toString(), "learn", "drift");
        assertThat(active.exitCode()).as(active.err()).isZero();
        assertThat(active.out()).startsWith("model embedded-").contains(": 0 human labels after its predictions");
    }
}
