package com.bizcharts.learn.golden;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GoldenSetTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void freezesAStratifiedFractionAndOnlyEverGrows(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("g.db"))) {
            for (int i = 0; i < 100; i++) {
                LearnFixtures.post(db, i, "", "post " + i, null, T0);
                LearnFixtures.label(db, i, i < 50 ? 2 : (i < 80 ? 1 : 3), T0.plusSeconds(i));
            }
            GoldenSet golden = new GoldenSet(db, Clock.fixed(T0, ZoneOffset.UTC));
            assertThat(golden.freeze(0.2, 1)).isEqualTo(20);
            Set<Long> first = golden.threadIds();
            assertThat(first.stream().filter(id -> id < 50).count()).isEqualTo(10);
            assertThat(first.stream().filter(id -> id >= 50 && id < 80).count()).isEqualTo(6);
            assertThat(first.stream().filter(id -> id >= 80).count()).isEqualTo(4);

            assertThat(golden.freeze(0.2, 99)).isZero(); // already at 20 %: nothing swapped, nothing added
            assertThat(golden.threadIds()).isEqualTo(first);

            for (int i = 100; i < 150; i++) {
                LearnFixtures.post(db, i, "", "post " + i, null, T0);
                LearnFixtures.label(db, i, 2, T0.plusSeconds(i));
            }
            assertThat(golden.freeze(0.2, 1)).isEqualTo(10);
            assertThat(golden.threadIds()).containsAll(first).hasSize(30);
        }
    }
}
