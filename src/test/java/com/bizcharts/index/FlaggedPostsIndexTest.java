package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.ImageFlagRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code [images] exclude_flagged_from_index}: a flagged post leaves the index only when the setting asks. */
class FlaggedPostsIndexTest {

    @Test
    void flaggedPostsAreLeftOutOnlyWhenAsked(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("f.db"))) {
            Instant start = Instant.parse("2025-03-01T00:00:00Z");
            MarketFixture.fill(db, start, 2, false);
            ImageFlagRepository flags = new ImageFlagRepository(db);
            for (long id = 10_000; id < 10_005; id++) flags.save(new ImageFlagRepository.Flag(id, 0.9, true), start);
            flags.save(new ImageFlagRepository.Flag(10_005, 0.2, false), start); // read, not flagged: stays
            Instant end = start.plusSeconds(2 * 86_400);
            int all = new IndexData(db).totals("none", Bucket.DAY, start, end).get(0).posts();
            int shown = new IndexData(db, true).totals("none", Bucket.DAY, start, end).get(0).posts();
            assertThat(all).isEqualTo(MarketFixture.POSTS_PER_DAY);
            assertThat(shown).isEqualTo(MarketFixture.POSTS_PER_DAY - 5);
        }
    }
}
