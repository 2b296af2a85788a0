package com.bizcharts.shared;

import com.bizcharts.collect.live.CatalogEntry;
import com.bizcharts.collect.live.CatalogParser;
import com.bizcharts.collect.warosu.WarosuPages;
import com.bizcharts.store.ThreadOp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The parsers on the real captured payloads in ../shared/fixtures (run with -Pshared-data). */
@Tag("shared-data")
class SharedFixturesTest {

    private static final Path FIXTURES = Path.of("..", "shared", "fixtures");

    @Test
    void realVgCatalogParsesCompletely() throws Exception {
        Path file = FIXTURES.resolve("4chan/catalog_vg_2015-05-08_full10pages_raw.json");
        assumeTrue(Files.exists(file), "shared fixtures not present");
        List<CatalogEntry> entries = new CatalogParser("vg", URI.create("https://i.4cdn.org")).parse(Files.readAllBytes(file));
        assertThat(entries).hasSize(150);
        assertThat(entries).allSatisfy(e -> assertThat(e.op().postedAt()).isAfter(Instant.parse("2015-01-01T00:00:00Z")));
    }

    @Test
    void realWarosuThreadPageGivesItsOp() throws Exception {
        Path file = FIXTURES.resolve("warosu/thread_tg_40312392_2015thread_saved-c2017_raw.html");
        assumeTrue(Files.exists(file), "shared fixtures not present");
        ThreadOp op = new WarosuPages("tg", URI.create("https://warosu.org")).thread(Files.readString(file));
        assertThat(op.threadId()).isEqualTo(40312392L);
        assertThat(op.subject()).isEqualTo("Pokemon Quest #93 Part 2");
        assertThat(op.postedAt()).isEqualTo(Instant.ofEpochSecond(1433125673L));
        assertThat(op.replyCount()).isPositive();
    }
}
