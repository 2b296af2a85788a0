package com.bizcharts.collect.live;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.collect.http.RequestPacer;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LiveScraperTest {

    @Test
    void keepsPollingThroughFailuresAndStopsCleanly(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        byte[] catalog = CatalogParserTest.fixture();
        try (Database db = Database.open(dir.resolve("l.db"));
             LoopbackServer server = new LoopbackServer(req -> !req.path().endsWith("catalog.json") ? Reply.of(404, "")
                     : calls.incrementAndGet() == 1 ? Reply.of(500, "boom")
                     : new Reply(200, catalog, java.util.Map.of(), 0))) {
            PoliteHttp http = new PoliteHttp(RequestPacer.realTime(Duration.ZERO),
                    new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 1), Duration.ofSeconds(5), "t");
            CatalogPoller poller = new CatalogPoller(http, URI.create(server.base()), URI.create(server.base()), "biz", db,
                    new ThreadRepository(db), new ThumbnailStore(http, dir, com.bizcharts.collect.http.BodyCap.ofKilobytes("thumbnail", 64, null)), CatalogPoller.CatalogHook.NONE, Clock.systemUTC(), 0);
            LiveScraper scraper = new LiveScraper(poller, Duration.ofMillis(20), Clock.systemUTC());
            List<LiveStatus> seen = new CopyOnWriteArrayList<>();
            CountDownLatch twoPolls = new CountDownLatch(1);
            scraper.addListener(s -> {
                seen.add(s);
                if (s.polls() >= 2 && s.state() == LiveStatus.State.WAITING) twoPolls.countDown();
            });
            scraper.start();
            scraper.start(); // a second start is a no-op, never a second poller
            assertThat(twoPolls.await(10, TimeUnit.SECONDS)).isTrue();
            scraper.stop(Duration.ofSeconds(5));

            assertThat(scraper.running()).isFalse();
            assertThat(scraper.status().state()).isEqualTo(LiveStatus.State.STOPPED);
            assertThat(seen).anySatisfy(s -> {
                assertThat(s.state()).isEqualTo(LiveStatus.State.BACKING_OFF);
                assertThat(s.lastError()).contains("HTTP 500");
            });
            assertThat(scraper.status().errors()).isEqualTo(1);
            assertThat(scraper.status().newThreads()).isEqualTo(5);
            assertThat(new ThreadRepository(db).count()).isEqualTo(5);
        }
    }
}
