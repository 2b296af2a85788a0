package com.bizcharts.collect.warosu;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.FakeTime;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.collect.http.RequestPacer;
import com.bizcharts.collect.live.ThumbnailStore;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static com.bizcharts.store.schema.Tables.IMPORT_RUNS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The importer against pages cut short, fields no parser expects, and an import killed between commit and thumbnails. */
class WarosuHostilePagesTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));

    private WarosuImporter importer(LoopbackServer server, Database db, RequestPacer pacer, Path images,
                                    BiConsumer<DSLContext, List<ThreadOp>> afterUpsert) {
        PoliteHttp http = new PoliteHttp(pacer, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 2), Duration.ofSeconds(30), "t");
        return new WarosuImporter(http, URI.create(server.base()), URI.create(server.base()), "biz", 24, db, new ThreadRepository(db),
                images == null ? null : new ThumbnailStore(http, images, WarosuImporterTest.THUMBNAIL), afterUpsert, time,
                WarosuImporterTest.PAGE);
    }

    private WarosuImporter importer(LoopbackServer server, Database db, Path images) {
        return importer(server, db, time.pacer(Duration.ofSeconds(2)), images, (ctx, ops) -> { });
    }

    private static WarosuRequest search() {
        return new WarosuRequest("coin", null, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), null, 1000, false);
    }

    private static String cutAfter(String html, String marker, int occurrence, int extra) {
        int at = -1;
        for (int i = 0; i < occurrence; i++) at = html.indexOf(marker, at + 1);
        return html.substring(0, at + marker.length() + extra);
    }

    @Test
    void aPageCutCleanlyBetweenPostsFailsTheRunAndContinueFetchesItWhole(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            // the third page (12 results) served as its first 9 posts, Content-Length matching: it looks like a short last page
            try (LoopbackServer cut = FakeWarosu.start(60, p -> false, (page, html) -> page == 2 ? cutAfter(html, "</table>", 9, 1) : html)) {
                WarosuImporter.Result r = importer(cut, db, null).run(search(), false, (a, b, c) -> { }, () -> false);
                assertThat(r.status()).isEqualTo("failed");
                assertThat(r.message()).contains("page 3", "offset=48", "incomplete", "closing </html>");
                assertThat(new ThreadRepository(db).count()).isEqualTo(48);
            }
            try (LoopbackServer whole = FakeWarosu.start(60, p -> false)) {
                WarosuImporter importer = importer(whole, db, null);
                WarosuImporter.Result r = importer.run(importer.continuing(search()), true, (a, b, c) -> { }, () -> false);
                assertThat(r.status()).isEqualTo("completed");
                assertThat(whole.seen.get(0).query()).contains("offset=48");
                assertThat(new ThreadRepository(db).count()).isEqualTo(60);
            }
        }
    }

    @Test
    void aPageCutInsideAPostStoresNothingOfItNotATruncatedText(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db"));
             LoopbackServer cut = FakeWarosu.start(30, p -> false,
                     (page, html) -> page == 0 ? cutAfter(html, "<blockquote>$BTC num", 5, 0) : html)) {
            WarosuImporter.Result r = importer(cut, db, null).run(search(), false, (a, b, c) -> { }, () -> false);
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.message()).contains("page 1", "incomplete");
            assertThat(db.read().fetchCount(THREAD_OPS)).isZero();
        }
    }

    @Test
    void aShortPageWithoutItsPagerIsIncompleteEvenWithItsClosingTags(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db"));
             LoopbackServer noPager = FakeWarosu.start(30, p -> false,
                     (page, html) -> page == 1 ? html.replaceAll("<table style=\"float:left\">.*</table>", "") : html)) {
            WarosuImporter.Result r = importer(noPager, db, null).run(search(), false, (a, b, c) -> { }, () -> false);
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.message()).contains("page 2", "6 of 24 results and no Navigation pager");
        }
    }

    /** Three posts: a width past an int, a size that is no number, a thumbnail address with a space in it. */
    private static String oddFields(String html) {
        String[] posts = html.split("(?=<table><tr>)");
        posts[1] = posts[1].replace("File: 10 KB, 100x100, a.jpg", "File: 198 KB, 99999999999x1350, a.jpg");
        posts[2] = posts[2].replace("File: 10 KB, 100x100, a.jpg", "File: 1.9.8 KB, 100x100, b.jpg");
        posts[3] = posts[3].replaceFirst("src=/data/biz/thumb/0620/00/(\\d+)s\\.jpg", "src=\"/data/biz/thumb/0620/00/ $1s.jpg\"");
        return String.join("", posts);
    }

    @Test
    void aFieldThatCannotBeReadIsMissingForThatPostAndTheImportGoesOn(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db"));
             LoopbackServer odd = FakeWarosu.start(3, p -> false, (page, html) -> oddFields(html))) {
            WarosuImporter.Result r = importer(odd, db, dir.resolve("img")).run(search(), false, (a, b, c) -> { }, () -> false);
            assertThat(r.status()).isEqualTo("completed");
            assertThat(r.threads()).isEqualTo(3);
            ThreadRepository threads = new ThreadRepository(db);
            ThreadOp wide = threads.find(FakeWarosu.FIRST).orElseThrow();
            assertThat(wide.file().size()).isEqualTo(198L * 1024);
            assertThat(wide.file().width()).isNull();
            assertThat(wide.file().height()).isEqualTo(1350);  // only the field that cannot be read is missing
            ThreadOp oddSize = threads.find(FakeWarosu.FIRST - 1).orElseThrow();
            assertThat(oddSize.file().size()).isNull();
            assertThat(oddSize.file().width()).isEqualTo(100);
            assertThat(oddSize.file().fileName()).isEqualTo("b.jpg");
            ThreadOp spaced = threads.find(FakeWarosu.FIRST - 2).orElseThrow();
            assertThat(spaced.file().thumbnailUrl()).isNull();
            assertThat(spaced.file().imageUrl()).isNotNull();
            assertThat(r.thumbnails()).isEqualTo(2);
        }
    }

    @Test
    void anUnexpectedErrorEndsTheRunFailedNamingThePageNeverLeavesItRunning(@TempDir Path dir) throws Exception {
        AtomicInteger pages = new AtomicInteger();
        try (Database db = Database.open(dir.resolve("w.db")); LoopbackServer server = FakeWarosu.start(60, p -> false)) {
            WarosuImporter.Result r = importer(server, db, time.pacer(Duration.ofSeconds(2)), null, (ctx, ops) -> {
                if (pages.incrementAndGet() == 2) throw new IllegalStateException("disk full");
            }).run(search(), false, (a, b, c) -> { }, () -> false);
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.message()).contains("page 2", "disk full");
            assertThat(db.read().fetchOne(IMPORT_RUNS).getStatus()).isEqualTo("failed");
            assertThat(new ThreadRepository(db).count()).isEqualTo(24);  // page 2's transaction rolled back whole
        }
    }

    @Test
    void downloadThumbnailsFalseImportsWithoutFetchingAny(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("w.db")); LoopbackServer server = FakeWarosu.start(30, p -> false)) {
            WarosuImporter.Result r = importer(server, db, null).run(search(), false, (a, b, c) -> { }, () -> false);
            assertThat(r.status()).isEqualTo("completed");
            assertThat(r.threads()).isEqualTo(30);
            assertThat(r.thumbnails()).isZero();
            assertThat(server.seen).noneMatch(s -> s.path().startsWith("/data/"));
        }
    }

    @Test
    void thumbnailsAKillLeftMissingAreFetchedOnContinue(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("img");
        try (Database db = Database.open(dir.resolve("w.db")); LoopbackServer server = FakeWarosu.start(60, p -> false)) {
            // The process dies while page 1's thumbnails come in (the fifth wait): its threads are committed, the
            // run is left "running", as kill -9 leaves it.
            AtomicInteger waits = new AtomicInteger();
            RequestPacer dying = new RequestPacer(Duration.ofSeconds(2), Duration.ZERO, time, time::nanos, d -> {
                if (waits.incrementAndGet() == 5) throw new InterruptedException("killed");
                time.sleep(d);
            });
            assertThatThrownBy(() -> importer(server, db, dying, images, (ctx, ops) -> { }).run(search(), false, (a, b, c) -> { }, () -> false))
                    .isInstanceOf(InterruptedException.class);
            assertThat(db.read().fetchOne(IMPORT_RUNS).getStatus()).isEqualTo("running");
            assertThat(db.read().fetchCount(THREAD_OPS, THREAD_OPS.THUMBNAIL_PATH.isNull())).isEqualTo(20);

            WarosuImporter importer = importer(server, db, images);
            WarosuImporter.Result r = importer.run(importer.continuing(search()), true, (a, b, c) -> { }, () -> false);
            assertThat(r.status()).isEqualTo("completed");
            assertThat(r.thumbnails()).isEqualTo(20 + 36);
            assertThat(db.read().fetchCount(THREAD_OPS, THREAD_OPS.THUMBNAIL_PATH.isNull())).isZero();
            assertThat(new ThreadRepository(db).count()).isEqualTo(60);
        }
    }
}
