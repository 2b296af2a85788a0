package com.bizcharts.collect.live;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.FakeTime;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.http.PoliteFetcher;
import com.bizcharts.collect.http.RateLimiter;
import com.bizcharts.collect.http.TimeSource;
import com.bizcharts.collect.live.ScraperStatus.State;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.schema.tables.records.ImportRunsRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.bizcharts.store.schema.Tables.IMPORT_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveScraperTest {

    private static final Duration INTERVAL = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private LoopbackServer server;
    private Database db;
    private ThreadRepository threads;
    private final List<ScraperStatus> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackServer();
        db = Database.open(dir.resolve("test.db"));
        threads = new ThreadRepository(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
        server.close();
    }

    private LiveScraper scraper(TimeSource time) {
        PoliteFetcher fetcher = new PoliteFetcher(HttpClient.newHttpClient(), new RateLimiter(Duration.ZERO, time),
                new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 1), "Test/1", Duration.ofSeconds(5), time);
        CatalogStore store = new CatalogStore(db, threads);
        CatalogPoller poller = new CatalogPoller(fetcher, new CatalogParser("biz", server.base()), store, null,
                server.base(), "biz", time);
        LiveScraper s = new LiveScraper(poller, store, "biz", INTERVAL, Duration.ofMinutes(5), time);
        s.addListener(seen::add);
        return s;
    }

    @Test
    void pollsBacksOffAfterFailuresAndRecovers() throws Exception {
        server.script("/biz/catalog.json", Reply.of(503, ""), Reply.bytes(200, Fixtures.bytes("catalog_truncated.json.txt")),
                Reply.of(200, new String(Fixtures.bytes("catalog_biz.json"))),
                Reply.of(200, new String(Fixtures.bytes("catalog_biz_later.json"))), Reply.of(304, null));
        FakeTime time = new FakeTime(Instant.parse("2025-10-08T08:00:00Z"));
        LiveScraper s = scraper(time);
        CountDownLatch fivePolls = new CountDownLatch(1);
        s.addListener(st -> { if (st.polls() >= 5) fivePolls.countDown(); });

        s.start();
        assertThat(fivePolls.await(10, TimeUnit.SECONDS)).isTrue();
        s.stop();
        assertThat(s.awaitStopped(Duration.ofSeconds(10))).isTrue();

        List<ScraperStatus> afterPolls = seen.stream().filter(st -> st.state() != State.POLLING).toList();
        assertThat(afterPolls.get(0).state()).isEqualTo(State.BACKING_OFF);
        assertThat(afterPolls.get(0).lastError()).contains("503");
        assertThat(afterPolls.get(1).state()).isEqualTo(State.BACKING_OFF);
        assertThat(afterPolls.get(1).lastError()).contains("not valid JSON");
        assertThat(afterPolls.get(2).state()).isEqualTo(State.IDLE);
        assertThat(afterPolls.get(2).lastError()).isNull();
        assertThat(afterPolls.get(2).lastNew()).isEqualTo(5);
        assertThat(afterPolls.get(2).nextPollAt()).isEqualTo(afterPolls.get(2).lastPollAt().plus(INTERVAL));
        assertThat(afterPolls.get(3).lastNew()).isEqualTo(1);
        assertThat(afterPolls.get(3).lastUpdated()).isEqualTo(1);
        assertThat(afterPolls.get(3).totalNew()).isEqualTo(6);
        assertThat(s.status().state()).isEqualTo(State.STOPPED);
        // First failure waits one interval, the second in a row twice that; successes wait one interval.
        assertThat(time.sleeps()).startsWith(INTERVAL, INTERVAL.multipliedBy(2), INTERVAL, INTERVAL);
        assertThat(threads.count()).isEqualTo(6);
        ImportRunsRecord run = db.read().fetchSingle(IMPORT_RUNS);
        assertThat(run.getStatus()).isEqualTo("completed");
        assertThat(run.getErrors()).isEqualTo(2L);
        assertThat(run.getThreadsNew()).isEqualTo(6L);
    }

    @Test
    void stopInterruptsTheWaitBetweenPolls() throws Exception {
        server.script("/biz/catalog.json", Reply.of(200, new String(Fixtures.bytes("catalog_biz.json"))));
        LiveScraper s = scraper(TimeSource.SYSTEM);
        CountDownLatch idle = new CountDownLatch(1);
        s.addListener(st -> { if (st.state() == State.IDLE) idle.countDown(); });
        s.start();
        assertThat(idle.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(s.isRunning()).isTrue();
        long start = System.nanoTime();
        s.stop();
        assertThat(s.awaitStopped(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(s.status().state()).isEqualTo(State.STOPPED);
        assertThat(threads.count()).isEqualTo(5);
    }

    @Test
    void pollOnceReportsFailureAndMarksTheRunFailed() {
        server.script("/biz/catalog.json", Reply.of(500, ""));
        LiveScraper s = scraper(new FakeTime(Instant.parse("2025-10-08T08:00:00Z")));
        assertThatThrownBy(s::pollOnce).hasMessageContaining("HTTP 500");
        assertThat(s.status().state()).isEqualTo(State.FAILED);
        assertThat(db.read().fetchSingle(IMPORT_RUNS).getStatus()).isEqualTo("failed");
    }

    @Test
    void backoffDoublesAndCaps() {
        LiveScraper s = scraper(new FakeTime(Instant.EPOCH));
        assertThat(s.backoffAfter(1)).isEqualTo(INTERVAL);
        assertThat(s.backoffAfter(2)).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.backoffAfter(3)).isEqualTo(Duration.ofSeconds(240));
        assertThat(s.backoffAfter(9)).isEqualTo(Duration.ofMinutes(5));
    }
}
