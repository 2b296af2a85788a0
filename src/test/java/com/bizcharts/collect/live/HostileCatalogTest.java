package com.bizcharts.collect.live;

import com.bizcharts.collect.OnceWarnings;
import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.BodyCap;
import com.bizcharts.collect.http.FakeTime;
import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.collect.http.RawServer;
import com.bizcharts.collect.http.RequestPacer;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.bizcharts.store.schema.Tables.CATALOG_SNAPSHOTS;
import static com.bizcharts.store.schema.Tables.IMPORT_RUNS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The live poller against servers that stall, flood, or serve catalogs with impossible numbers in them. */
class HostileCatalogTest {

    private static final BodyCap CATALOG = BodyCap.ofKilobytes("catalog", 64, "[fourchan] max_catalog_kb");
    private static final BodyCap THUMBNAIL = BodyCap.ofKilobytes("thumbnail", 16, "[fourchan] max_thumbnail_kb");

    private static CatalogPoller poller(PoliteHttp http, String base, Database db, Path images, Clock clock, int thumbnails) {
        return new CatalogPoller(http, URI.create(base), URI.create(base), "biz", db, new ThreadRepository(db),
                new ThumbnailStore(http, images, THUMBNAIL), CatalogPoller.CatalogHook.NONE, clock, thumbnails, CATALOG);
    }

    private static PoliteHttp realTime(Duration timeout) {
        return new PoliteHttp(RequestPacer.realTime(Duration.ZERO), new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 2),
                timeout, "t");
    }

    /** The first connection gets headers and then one byte a second; later ones the whole catalog at once. */
    private static RawServer slowThenHealthy(byte[] catalog) {
        return new RawServer((n, line, out) -> {
            out.write(RawServer.ok(catalog.length, "application/json"));
            if (n > 2) {
                out.write(catalog);
                return;
            }
            for (byte b : catalog) {
                out.write(b);
                out.flush();
                Thread.sleep(1000);
            }
        });
    }

    @Test
    void aPollWhoseBodyDribblesIsAbandonedAtTheTimeoutAndRecordedAsFailed(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("l.db")); RawServer server = slowThenHealthy(CatalogParserTest.fixture())) {
            CatalogPoller poller = poller(realTime(Duration.ofMillis(600)), server.base(), db, dir, Clock.systemUTC(), 0);
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(poller::poll)
                    .isInstanceOf(FetchException.class).hasMessageContaining("timed out after 600 ms"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(db.read().fetchOne(IMPORT_RUNS).getStatus()).isEqualTo("failed");
            assertThat(db.read().fetchOne(IMPORT_RUNS).getMessage()).contains("timed out");
            assertThat(db.read().fetchCount(THREAD_OPS)).isZero();
        }
    }

    @Test
    void continuousLiveKeepsPollingAfterAPollThatOverran(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("l.db")); RawServer server = slowThenHealthy(CatalogParserTest.fixture())) {
            CatalogPoller poller = poller(realTime(Duration.ofMillis(600)), server.base(), db, dir, Clock.systemUTC(), 0);
            LiveScraper scraper = new LiveScraper(poller, Duration.ofMillis(50), Clock.systemUTC());
            CountDownLatch stored = new CountDownLatch(1);
            scraper.addListener(s -> {
                if (s.lastOutcome() != null && s.lastOutcome().kind() == PollOutcome.Kind.CHANGED) stored.countDown();
            });
            scraper.start();
            try {
                assertThat(stored.await(15, TimeUnit.SECONDS)).isTrue();
            } finally {
                scraper.stop(Duration.ofSeconds(5));
            }
            assertThat(scraper.status().errors()).isEqualTo(1);
            assertThat(new ThreadRepository(db).count()).isEqualTo(5);
        }
    }

    @Test
    void aCatalogPastItsCapIsRejectedWithoutReadingItAll(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("l.db")); RawServer server = new RawServer((n, line, out) -> {
            out.write(RawServer.ok(-1, "application/json"));
            out.write("[{\"page\":1,\"threads\":[".getBytes(StandardCharsets.UTF_8));
            byte[] op = "{\"no\":1,\"time\":1759888679,\"com\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"},".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200_000; i++) out.write(op);  // ~14 MB and counting
        })) {
            CatalogPoller poller = poller(realTime(Duration.ofSeconds(10)), server.base(), db, dir, Clock.systemUTC(), 0);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(poller::poll)
                    .hasMessageContaining("catalog body of more than 65536 bytes is over its 64 KB cap ([fourchan] max_catalog_kb)"));
            assertThat(server.requests).hasSize(1);
            assertThat(db.read().fetchOne(IMPORT_RUNS).getStatus()).isEqualTo("failed");
            assertThat(db.read().fetchCount(THREAD_OPS)).isZero();
        }
    }

    private static String op(long no, String time, String tim) {
        return "{\"no\":" + no + ",\"time\":" + time + ",\"sub\":\"thread " + no + "\",\"com\":\"$BTC\",\"filename\":\"a\",\"ext\":\".jpg\","
                + "\"w\":100,\"h\":100,\"tn_w\":100,\"tn_h\":100,\"tim\":" + tim + ",\"fsize\":1000,\"replies\":1,\"images\":0}";
    }

    @Test
    void oneOpWithImpossibleNumbersCostsOnlyItselfNotTheOthersThumbnails(@TempDir Path dir) throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2026-01-20T10:00:00Z"));
        String catalog = "[{\"page\":1,\"threads\":[" + String.join(",",
                op(61000001, "1768900000", "1768900000111"),
                op(61000002, "1768900100", "-5"),
                op(61000003, "1768900200", "0"),
                op(61000004, "99999999999999999", "1768900300111"),
                op(-61000005, "1768900400", "1768900400111"),
                op(61000006, "1768900500", "1768900500111")) + "]}]";
        byte[] jpeg = Fixtures.jpeg("t");
        try (Database db = Database.open(dir.resolve("l.db"));
             LoopbackServer server = new LoopbackServer(req -> req.path().equals("/biz/catalog.json")
                     ? Reply.of(200, catalog)
                     : req.path().matches("/biz/\\d+s\\.jpg") ? new Reply(200, jpeg, Map.of(), 0) : Reply.of(404, ""))) {
            PoliteHttp http = new PoliteHttp(time.pacer(Duration.ofSeconds(1)), new Backoff(Duration.ofSeconds(1),
                    Duration.ofSeconds(8), 3), Duration.ofSeconds(5), "t");
            PollOutcome o = poller(http, server.base(), db, dir.resolve("images"), time, 50).poll();
            assertThat(o.kind()).isEqualTo(PollOutcome.Kind.CHANGED);
            assertThat(o.threads()).isEqualTo(4);                  // the absurd time and the negative number are skipped
            assertThat(o.thumbnailsSaved()).isEqualTo(2);          // both good OPs, after the bad ones
            ThreadRepository threads = new ThreadRepository(db);
            assertThat(threads.find(61000002).orElseThrow().file().thumbnailUrl()).isNull();
            assertThat(threads.find(61000002).orElseThrow().file().fileName()).isEqualTo("a");
            assertThat(threads.find(61000004)).isEmpty();
            assertThat(threads.find(-61000005)).isEmpty();
            assertThat(server.seen).extracting(LoopbackServer.Seen::path)
                    .containsExactlyInAnyOrder("/biz/catalog.json", "/biz/1768900000111s.jpg", "/biz/1768900500111s.jpg");
        }
    }

    @Test
    void eachSkippedOpIsNamedAndReportedOncePerProcessNotOncePerPoll() throws Exception {
        String catalog = "[{\"page\":1,\"threads\":[" + op(61000002, "1768900100", "-5") + ","
                + op(61000004, "99999999999999999", "1") + "," + op(-7, "1768900400", "1") + "]}]";
        List<String> problems = new ArrayList<>();
        new CatalogParser("biz", URI.create("https://i.example"), problems::add).parse(catalog.getBytes(StandardCharsets.UTF_8));
        assertThat(problems).containsExactly(
                "catalog thread 61000002: tim -5 is not positive; its thumbnail is skipped",
                "catalog thread 61000004: time 99999999999999999 is not a plausible post time; skipped",
                "catalog thread -7: post number is not positive; skipped");
        OnceWarnings once = new OnceWarnings(LoggerFactory.getLogger(HostileCatalogTest.class));
        assertThat(once.warn(problems.get(0))).isTrue();
        assertThat(once.warn(problems.get(0))).isFalse();
    }

    @Test
    void anEmptyCatalogIsASuspiciousPollNotAZeroThreadSnapshot(@TempDir Path dir) throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2026-01-20T10:00:00Z"));
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        try (Database db = Database.open(dir.resolve("l.db"));
             LoopbackServer server = new LoopbackServer(req -> Reply.of(200, n.incrementAndGet() == 1 ? "[]" : "[{\"page\":1,\"threads\":[]}]")
                     .header("Last-Modified", "Tue, 20 Jan 2026 09:59:00 GMT"))) {
            PoliteHttp http = new PoliteHttp(time.pacer(Duration.ofSeconds(1)), new Backoff(Duration.ofSeconds(1),
                    Duration.ofSeconds(8), 3), Duration.ofSeconds(5), "t");
            CatalogPoller poller = poller(http, server.base(), db, dir, time, 0);
            for (int i = 0; i < 2; i++) {
                PollOutcome o = poller.poll();
                assertThat(o.kind()).isEqualTo(PollOutcome.Kind.SUSPICIOUS);
                assertThat(o.message()).contains("no threads");
            }
            assertThat(db.read().fetchCount(CATALOG_SNAPSHOTS)).isZero();
            assertThat(db.read().selectFrom(IMPORT_RUNS).fetch(IMPORT_RUNS.STATUS)).containsExactly("failed", "failed");
            assertThat(server.seen).allMatch(s -> s.ifModifiedSince() == null);  // an empty catalog validates nothing
        }
    }
}
