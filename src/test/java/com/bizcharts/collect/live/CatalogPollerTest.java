package com.bizcharts.collect.live;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.FakeTime;
import com.bizcharts.collect.http.FetchException;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.http.PoliteFetcher;
import com.bizcharts.collect.http.RateLimiter;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.schema.tables.records.CatalogSnapshotsRecord;
import com.bizcharts.store.schema.tables.records.ImportRunsRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static com.bizcharts.store.schema.Tables.CATALOG_SNAPSHOTS;
import static com.bizcharts.store.schema.Tables.IMPORT_RUNS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CatalogPollerTest {

    static final String CATALOG = "/biz/catalog.json";
    static final String LAST_MODIFIED = "Wed, 08 Oct 2025 08:10:00 GMT";
    static final long[] TIMS = {1759888679123L, 1759889411000L, 1759890000555L, 1759890600777L};

    @TempDir
    Path dir;

    private LoopbackServer server;
    private Database db;
    private ThreadRepository threads;
    private CatalogStore store;
    private FakeTime time;

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackServer();
        for (long tim : TIMS) server.script("/biz/" + tim + "s.jpg", Reply.bytes(200, Fixtures.jpeg("t" + tim)));
        db = Database.open(dir.resolve("test.db"));
        threads = new ThreadRepository(db);
        store = new CatalogStore(db, threads);
        time = new FakeTime(Instant.parse("2025-10-08T08:15:00Z"));
    }

    @AfterEach
    void tearDown() {
        db.close();
        server.close();
    }

    private CatalogPoller poller(boolean thumbnails) {
        PoliteFetcher fetcher = new PoliteFetcher(HttpClient.newHttpClient(), new RateLimiter(Duration.ofSeconds(1), time),
                new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 3), "Test/1", Duration.ofSeconds(5), time);
        ThumbnailDownloader thumbs = thumbnails
                ? new ThumbnailDownloader(fetcher, server.base(), "biz", dir.resolve("images")) : null;
        return new CatalogPoller(fetcher, new CatalogParser("biz", server.base()), store, thumbs, server.base(), "biz", time);
    }

    private CatalogPoller.PollResult poll(CatalogPoller p) throws InterruptedException {
        long run = store.beginRun(time.now(), "biz");
        return p.poll(run, CatalogPoller.WriteSection.DIRECT, () -> false);
    }

    @Test
    void changedCatalogStoresOpsObservationsSnapshotRunAndThumbnails() throws Exception {
        server.script(CATALOG, Reply.of(200, new String(Fixtures.bytes("catalog_biz.json")), "Last-Modified", LAST_MODIFIED));
        CatalogPoller.PollResult r = poll(poller(true));

        assertThat(r.changed()).isTrue();
        assertThat(r.threadsNew()).isEqualTo(5);
        assertThat(r.thumbnailsSaved()).isEqualTo(4);
        assertThat(threads.count()).isEqualTo(5);
        assertThat(db.read().fetch(THREAD_OBSERVATIONS).getValues(THREAD_OBSERVATIONS.PAGE)).containsExactlyInAnyOrder(1L, 1L, 1L, 2L, 2L);
        CatalogSnapshotsRecord snap = db.read().fetchSingle(CATALOG_SNAPSHOTS);
        assertThat(snap.getTotalThreads()).isEqualTo(5L);
        assertThat(snap.getAvgReplyCount()).isCloseTo((0 + 312 + 5 + 0 + 351) / 5.0, within(1e-9));
        assertThat(snap.getTopCoins()).isEqualTo("[]");
        ImportRunsRecord run = db.read().fetchSingle(IMPORT_RUNS);
        assertThat(run.getThreadsNew()).isEqualTo(5L);
        assertThat(run.getCollector()).isEqualTo("live");
        assertThat(run.getResumeCursor()).isEqualTo(LAST_MODIFIED);
        assertThat(run.getOldestPostAt()).isEqualTo("2025-10-08T01:57:59Z");

        for (long tim : TIMS) {
            assertThat(Files.readAllBytes(dir.resolve("images").resolve(tim + "s.jpg"))).isEqualTo(Fixtures.jpeg("t" + tim));
        }
        try (var files = Files.list(dir.resolve("images"))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("\\d+s\\.jpg"));
        }
        assertThat(threads.find(60129201L).orElseThrow().thumbnailPath()).isEqualTo("1759889411000s.jpg");
        assertThat(threads.find(60129555L).orElseThrow().thumbnailPath()).isNull();
        // Every request, API and images, went through the one limiter: 5 requests, 4 waits of a second.
        assertThat(time.sleeps()).hasSize(4).allMatch(d -> d.equals(Duration.ofSeconds(1)));
    }

    @Test
    void unchangedCatalogIs304AndStoresNothingNew() throws Exception {
        server.script(CATALOG, Reply.of(200, new String(Fixtures.bytes("catalog_biz.json")), "Last-Modified", LAST_MODIFIED),
                Reply.of(304, null));
        CatalogPoller p = poller(false);
        poll(p);
        CatalogPoller.PollResult second = poll(p);

        assertThat(second.changed()).isFalse();
        assertThat(server.seen().get(1).header("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(db.read().fetchCount(THREAD_OBSERVATIONS)).isEqualTo(5);
        assertThat(db.read().fetchCount(CATALOG_SNAPSHOTS)).isEqualTo(1);
    }

    @Test
    void lastModifiedSurvivesARestart() throws Exception {
        server.script(CATALOG, Reply.of(200, new String(Fixtures.bytes("catalog_biz.json")), "Last-Modified", LAST_MODIFIED),
                Reply.of(304, null));
        poll(poller(false));
        CatalogPoller.PollResult afterRestart = poll(poller(false));
        assertThat(afterRestart.changed()).isFalse();
        assertThat(server.seen().get(1).header("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
    }

    @Test
    void laterCatalogUpdatesKnownThreadsAndSkipsPresentThumbnails() throws Exception {
        server.script("/biz/1759914000999s.jpg", Reply.bytes(200, Fixtures.jpeg("new")));
        server.script(CATALOG, Reply.of(200, new String(Fixtures.bytes("catalog_biz.json"))),
                Reply.of(200, new String(Fixtures.bytes("catalog_biz_later.json"))));
        CatalogPoller p = poller(true);
        poll(p);
        time.advance(Duration.ofMinutes(1));
        CatalogPoller.PollResult r = poll(p);

        assertThat(r.threadsNew()).isEqualTo(1);
        assertThat(r.threadsUpdated()).isEqualTo(1);
        assertThat(r.thumbnailsSaved()).isEqualTo(1);
        ThreadOp smg = threads.find(60129201L).orElseThrow();
        assertThat(smg.replyCount()).isEqualTo(330);
        assertThat(smg.thumbnailPath()).isEqualTo("1759889411000s.jpg");
        assertThat(server.count("/biz/1759889411000s.jpg")).isEqualTo(1);
        assertThat(threads.find(60129666L).orElseThrow().thumbnailPath()).isEqualTo("1759914000999s.jpg");
        assertThat(db.read().fetchCount(CATALOG_SNAPSHOTS)).isEqualTo(2);
        assertThat(db.read().fetch(IMPORT_RUNS).getValues(IMPORT_RUNS.THREADS_NEW)).containsExactly(5L, 1L);
    }

    @Test
    void malformedPayloadStoresNothingAndTheNextPollProceeds() throws Exception {
        server.script(CATALOG, Reply.bytes(200, Fixtures.bytes("catalog_truncated.json.txt")),
                Reply.of(200, new String(Fixtures.bytes("catalog_biz.json"))));
        CatalogPoller p = poller(false);
        long run = store.beginRun(time.now(), "biz");

        assertThatThrownBy(() -> p.poll(run, CatalogPoller.WriteSection.DIRECT, () -> false))
                .isInstanceOf(MalformedCatalogException.class).hasMessageContaining("not valid JSON");
        assertThat(threads.count()).isZero();
        assertThat(db.read().fetchCount(CATALOG_SNAPSHOTS)).isZero();
        assertThat(db.read().fetchSingle(IMPORT_RUNS).getErrors()).isEqualTo(1L);

        CatalogPoller.PollResult next = p.poll(run, CatalogPoller.WriteSection.DIRECT, () -> false);
        assertThat(next.threadsNew()).isEqualTo(5);
        assertThat(server.seen().get(1).header("If-Modified-Since")).isNull();
    }

    @Test
    void rateLimitedCatalogRecoversAfterRetryAfter() throws Exception {
        server.script(CATALOG, Reply.of(429, "", "Retry-After", "9"), Reply.of(503, ""),
                Reply.of(200, new String(Fixtures.bytes("catalog_biz.json"))));
        CatalogPoller.PollResult r = poll(poller(false));
        assertThat(r.threadsNew()).isEqualTo(5);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(9), Duration.ofSeconds(4));
        assertThat(db.read().fetchSingle(IMPORT_RUNS).getRequests()).isEqualTo(3L);
    }

    @Test
    void missingCatalogIsAFetchFailure() {
        CatalogPoller p = poller(false);
        assertThatThrownBy(() -> poll(p)).isInstanceOf(FetchException.class).hasMessageContaining("404");
        assertThat(threads.count()).isZero();
    }

    @Test
    void bodyThatIsNotAJpegIsNotSaved() throws Exception {
        server.script("/biz/1759889411000s.jpg", Reply.of(200, "<html>cloudflare</html>"));
        server.script(CATALOG, Reply.of(200, new String(Fixtures.bytes("catalog_biz.json"))));
        CatalogPoller.PollResult r = poll(poller(true));
        assertThat(r.thumbnailsSaved()).isEqualTo(3);
        assertThat(dir.resolve("images").resolve("1759889411000s.jpg")).doesNotExist();
        assertThat(threads.find(60129201L).orElseThrow().thumbnailPath()).isNull();
    }
}
