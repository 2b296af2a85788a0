package com.bizcharts.cli;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreModelsCommandTest {

    @TempDir
    Path dir;

    @Test
    void activateThenScoreThenRollback() {
        String db = dir.resolve("c.db").toString();
        try (Database d = Database.open(Path.of(db))) {
            new ThreadRepository(d).upsert(List.of(
                    new ThreadOp(1, "biz", "", null, "wagmi moon", "Anonymous", null, Instant.parse("2025-10-08T00:00:00Z"),
                            0, 0, null, null, false, false, ThreadOp.Source.LIVE),
                    new ThreadOp(2, "biz", "", null, "rekt it's over", "Anonymous", null, Instant.parse("2025-10-08T00:00:00Z"),
                            0, 0, null, null, false, false, ThreadOp.Source.LIVE)), Instant.parse("2025-10-08T00:00:00Z"));
        }
        Path data = LabeledFixture.copyTo(dir);
        Path m1 = dir.resolve("m1"), m2 = dir.resolve("m2");
        assertThat(CliTest.run("train", "--data", data.toString(), "--out", m1.toString()).exitCode()).isZero();
        assertThat(CliTest.run("train", "--data", data.toString(), "--out", m2.toString(), "--seed", "9").exitCode()).isZero();

        CliTest a1 = CliTest.run("--db", db, "models", "activate", m1.toString());
        assertThat(a1.exitCode()).as(a1.err()).isZero();
        CliTest s1 = CliTest.run("--db", db, "score");
        assertThat(s1.exitCode()).as(s1.err()).isZero();
        assertThat(s1.out()).contains("scored 2 posts");
        assertThat(CliTest.run("--db", db, "score").out()).contains("scored 0 posts");

        assertThat(CliTest.run("--db", db, "models", "activate", m2.toString()).exitCode()).isZero();
        assertThat(CliTest.run("--db", db, "score").out()).contains("scored 2 posts");
        CliTest list = CliTest.run("--db", db, "models", "list");
        assertThat(list.out().lines().filter(l -> l.startsWith("* embedded-")).count()).isEqualTo(1);
        // m1, m2 and the shipped default, registered before the first activation so a rollback can return to it
        assertThat(list.out().lines().filter(l -> l.contains("embedded-")).count()).isEqualTo(3);

        CliTest back = CliTest.run("--db", db, "models", "rollback");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).startsWith("active model: embedded-");

        CliTest bad = CliTest.run("--db", db, "models", "activate", "nope");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err().strip()).startsWith("error: no registered model with id nope");
    }
}
