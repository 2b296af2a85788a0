package com.bizcharts.collect.warosu;

import com.bizcharts.coins.CoinExtractor;
import com.bizcharts.coins.CoinList;
import com.bizcharts.coins.CoinMentionRepository;
import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.BodyCap;
import com.bizcharts.collect.http.FakeTime;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.collect.live.ThumbnailStore;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.IMPORT_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

class WarosuImporterTest {

    static final BodyCap PAGE = BodyCap.ofKilobytes("Warosu page", 512, "[warosu] max_page_kb");
    static final BodyCap THUMBNAIL = BodyCap.ofKilobytes("Warosu thumbnail", 64, "[warosu] max_thumbnail_kb");
    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));

    private WarosuImporter importer(LoopbackServer server, Database db, Path images) {
        PoliteHttp http = new PoliteHttp(time.pacer(Duration.ofSeconds(2)), new Backoff(Duration.ofSeconds(1),
                Duration.ofSeconds(4), 2), Duration.ofSeconds(30), "test");
        CoinMentionRepository coins = new CoinMentionRepository(new CoinExtractor(CoinList.load(null)));
        return new WarosuImporter(http, URI.create(server.base()), URI.create(server.base()), "biz", 24, db, new ThreadRepository(db),
                new ThumbnailStore(http, images, THUMBNAIL), coins::record, time, PAGE);
    }

    @Test
    void thumbnailsComeFromTheConfiguredImageHostWhateverHostThePageNames(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db")); LoopbackServer server = FakeWarosu.start(1, p -> false)) {
            WarosuImporter importer = importer(server, db, dir.resolve("img"));
            assertThat(importer.onImagesBase("https://i.warosu.org/data/biz/thumb/0610/80/1760000000555s.jpg"))
                    .hasToString(server.base() + "/data/biz/thumb/0610/80/1760000000555s.jpg");
            assertThat(importer.onImagesBase("http://127.0.0.9:1/data/biz/thumb/0620/00/1s.jpg"))
                    .hasToString(server.base() + "/data/biz/thumb/0620/00/1s.jpg");
        }
    }

    private static WarosuRequest search(int max) {
        return new WarosuRequest("coin", null, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), null, max, false);
    }

    @Test
    void pagesThroughSearchResultsStoringThreadsThumbnailsAndCoins(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db")); LoopbackServer server = FakeWarosu.start(60, p -> false)) {
            WarosuImporter.Result r = importer(server, db, dir.resolve("img")).run(search(1000), false, (a, b, c) -> {}, () -> false);
            assertThat(r.status()).isEqualTo("completed");
            assertThat(r.pages()).isEqualTo(3);               // 24 + 24 + 12: a short page is the last one
            assertThat(r.newThreads()).isEqualTo(60);
            assertThat(r.thumbnails()).isEqualTo(60);
            ThreadOp first = new ThreadRepository(db).find(FakeWarosu.FIRST).orElseThrow();
            assertThat(first.source()).isEqualTo(ThreadOp.Source.WAROSU);
            assertThat(first.postedAt()).isEqualTo(Instant.ofEpochSecond(FakeWarosu.FIRST_SECOND));
            assertThat(Files.exists(dir.resolve("img").resolve(first.thumbnailPath()))).isTrue();
            assertThat(db.read().fetchCount(COIN_MENTIONS)).isEqualTo(60);
            assertThat(server.seen.get(0).query()).contains("search_text=coin", "search_datefrom=2025-01-01", "search_op=op");
            // One request per 2 s, across result pages and thumbnails alike.
            assertThat(time.sleeps).allMatch(d -> d.equals(Duration.ofSeconds(2)));
        }
    }

    @Test
    void anOutageMidImportLeavesWholePagesAndContinueFinishesWithoutDuplicates(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            try (LoopbackServer down = FakeWarosu.start(60, page -> page == 1)) {
                WarosuImporter.Result r = importer(down, db, dir.resolve("img")).run(search(1000), false, (a, b, c) -> {}, () -> false);
                assertThat(r.status()).isEqualTo("failed");
                assertThat(r.message()).contains("HTTP 500");
                assertThat(new ThreadRepository(db).count()).isEqualTo(24); // exactly the committed first page
            }
            try (LoopbackServer up = FakeWarosu.start(60, page -> false)) {
                WarosuImporter importer = importer(up, db, dir.resolve("img"));
                WarosuImporter.Result r = importer.run(importer.continuing(search(1000)), true, (a, b, c) -> {}, () -> false);
                assertThat(r.status()).isEqualTo("completed");
                assertThat(r.pages()).isEqualTo(2);                      // resumed at page 2, not from the start
                assertThat(up.seen.get(0).query()).contains("offset=24");
                assertThat(new ThreadRepository(db).count()).isEqualTo(60);
                assertThat(db.read().fetchCount(IMPORT_RUNS)).isEqualTo(1); // the same run, finished
                assertThat(db.read().fetchOne(IMPORT_RUNS).getStatus()).isEqualTo("completed");
            }
        }
    }

    @Test
    void cancellingKeepsWhatWasCommittedAndKnownThreadsMerge(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db")); LoopbackServer server = FakeWarosu.start(60, p -> false)) {
            ThreadRepository threads = new ThreadRepository(db);
            threads.upsert(List.of(new ThreadOp(FakeWarosu.FIRST, "biz", "live subject", "<b>x</b>", "live text", null, null,
                    Instant.ofEpochSecond(FakeWarosu.FIRST_SECOND), 40, 2, null, null, false, false, ThreadOp.Source.LIVE)), time.instant());
            AtomicBoolean cancel = new AtomicBoolean();
            WarosuImporter.Result r = importer(server, db, dir.resolve("img"))
                    .run(search(1000), false, (pages, stored, oldest) -> cancel.set(true), cancel::get);
            assertThat(r.status()).isEqualTo("cancelled");
            assertThat(threads.count()).isEqualTo(24);
            ThreadOp merged = threads.find(FakeWarosu.FIRST).orElseThrow();
            assertThat(merged.source()).isEqualTo(ThreadOp.Source.LIVE);  // the first source is kept
            assertThat(merged.replyCount()).isEqualTo(40);                 // counts never shrink
        }
    }

    @Test
    void threadPagesGiveReplyCountsWhenAskedFor(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db")); LoopbackServer server = FakeWarosu.start(5, p -> false)) {
            WarosuRequest r = new WarosuRequest("coin", null, null, null, 1, 2, true);
            importer(server, db, dir.resolve("img")).run(r, false, (a, b, c) -> {}, () -> false);
            assertThat(new ThreadRepository(db).count()).isEqualTo(2);
            assertThat(new ThreadRepository(db).find(FakeWarosu.FIRST).orElseThrow().replyCount()).isEqualTo(3);
        }
    }
}
