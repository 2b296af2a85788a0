package com.bizcharts.cli;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AlCommandTest {

    @Test
    void suggestsUnlabeledPostsOnly(@TempDir Path dir) {
        Path db = dir.resolve("a.db");
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        String[] texts = {"wagmi we're so back", "it's over sell everything", "what coin should I buy", "btc or eth?",
                "pink wojak hours", "link to 100", "is this the bottom", "rekt again lol"};
        try (Database d = Database.open(db)) {
            for (int i = 0; i < 40; i++) LearnFixtures.post(d, 100 + i, "", texts[i % texts.length] + " " + i, null, t.plusSeconds(i));
            LearnFixtures.label(d, 139, 3, t);
        }
        CliTest r = CliTest.run("--db", db.toString(), "al", "suggest", "--n", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        var rows = r.out().lines().skip(1).toList();
        assertThat(rows).hasSize(5);
        assertThat(rows).noneMatch(l -> l.startsWith("139 "));
        assertThat(rows.stream().map(l -> l.split("\\s+")[0]).distinct().count()).isEqualTo(5);
        assertThat(CliTest.run("--db", db.toString(), "al", "suggest", "--n", "0").exitCode()).isEqualTo(2);
    }
}
