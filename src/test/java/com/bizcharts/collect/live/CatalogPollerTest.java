package com.bizcharts.collect.live;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.FakeTime;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static com.bizcharts.store.schema.Tables.CATALOG_SNAPSHOTS;
import static com.bizcharts.store.schema.Tables.IMPORT_RUNS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogPollerTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
    private final FakeTime time = new FakeTime(Instant.parse("2026-01-20T10:00:00Z"));

    /** Serves the catalog (or whatever {@code catalog} holds), thumbnails, and 304 when asked If-Modified-Since. */
    private LoopbackServer server(AtomicReference<Reply> catalog) {
        return new LoopbackServer(req -> {
            if (req.path().equals("/biz/catalog.json")) {
                return req.ifModifiedSince() != null && catalog.get().status() == 200 ? Reply.of(304, "") : catalog.get();
            }
            if (req.path().equals("/biz/1768917600500s.jpg")) return Reply.of(404, "");
            if (req.path().matches("/biz/\\d+s\\.jpg")) return new Reply(200, JPEG, java.util.Map.of(), 0);
            return Reply.of(404, "");
        });
    }

    private CatalogPoller poller(LoopbackServer server, Database db, Path images) {
        PoliteHttp http = new PoliteHttp(time.pacer(Duration.ofSeconds(1)),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 3), Duration.ofSeconds(5), "test");
        return new CatalogPoller(http, URI.create(server.base()), URI.create(server.base()), "biz", db,
                new ThreadRepository(db), new ThumbnailStore(http, images, com.bizcharts.collect.http.BodyCap.ofKilobytes("thumbnail", 64, null)), CatalogPoller.CatalogHook.NONE, time, 50);
    }

    @Test
    void storesTheCatalogInOneGoThenSeesNotModified(@TempDir Path dir) throws Exception {
        AtomicReference<Reply> catalog = new AtomicReference<>(new Reply(200, CatalogParserTest.fixture(),
                java.util.Map.of("Last-Modified", "Tue, 20 Jan 2026 09:59:00 GMT"), 0));
        try (Database db = Database.open(dir.resolve("c.db")); LoopbackServer server = server(catalog)) {
            Path images = dir.resolve("images");
            CatalogPoller poller = poller(server, db, images);
            PollOutcome first = poller.poll();
            assertThat(first.kind()).isEqualTo(PollOutcome.Kind.CHANGED);
            assertThat(first.newThreads()).isEqualTo(5);
            assertThat(first.thumbnailsSaved()).isEqualTo(3); // sticky, LINK, webm; the gif's thumbnail is 404; deleted has none
            assertThat(db.read().fetchCount(THREAD_OPS)).isEqualTo(5);
            assertThat(db.read().fetchCount(THREAD_OBSERVATIONS)).isEqualTo(5);
            assertThat(db.read().fetchOne(CATALOG_SNAPSHOTS).getTotalThreads()).isEqualTo(5L);
            assertThat(db.read().fetchOne(IMPORT_RUNS).getStatus()).isEqualTo("completed");
            assertThat(Files.readAllBytes(images.resolve("biz/1768914100123s.jpg"))).isEqualTo(JPEG);
            assertThat(new ThreadRepository(db).find(55123456).orElseThrow().thumbnailPath()).isEqualTo("biz/1768914100123s.jpg");
            assertThat(new ThreadRepository(db).find(55123999).orElseThrow().thumbnailPath()).isNull();
            // Every request, catalog and images alike, went through the one-per-second pace.
            assertThat(time.sleeps).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0).hasSize(server.seen.size() - 1);

            PollOutcome second = poller.poll();
            assertThat(second.kind()).isEqualTo(PollOutcome.Kind.NOT_MODIFIED);
            assertThat(server.seen.stream().filter(s -> s.path().endsWith("catalog.json")).toList().get(1).ifModifiedSince())
                    .isEqualTo("Tue, 20 Jan 2026 09:59:00 GMT");
            assertThat(db.read().fetchCount(THREAD_OBSERVATIONS)).isEqualTo(5);
        }
    }

    @Test
    void aThumbnailThatIsNotAJpegIsNotSaved(@TempDir Path dir) throws Exception {
        byte[] catalogJson = CatalogParserTest.fixture();
        try (Database db = Database.open(dir.resolve("c.db"));
             LoopbackServer server = new LoopbackServer(req -> req.path().equals("/biz/catalog.json")
                     ? new Reply(200, catalogJson, java.util.Map.of(), 0)
                     : req.path().equals("/biz/1768914100123s.jpg") ? Reply.of(200, "<html>cloudflare</html>")
                     : req.path().matches("/biz/\\d+s\\.jpg") ? new Reply(200, JPEG, java.util.Map.of(), 0)
                     : Reply.of(404, ""))) {
            Path images = dir.resolve("images");
            PollOutcome o = poller(server, db, images).poll();
            assertThat(o.thumbnailsSaved()).isEqualTo(3);
            assertThat(images.resolve("biz/1768914100123s.jpg")).doesNotExist();
            assertThat(new ThreadRepository(db).find(55123456).orElseThrow().thumbnailPath()).isNull();
            try (var files = Files.walk(images)) {
                assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .isNotEmpty().allMatch(n -> n.matches("\\d+s\\.jpg"));
            }
        }
    }

    @Test
    void aMalformedCatalogStoresNothingAndTheNextPollProceeds(@TempDir Path dir) throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(CatalogParserTest.fixture(), 900);
        AtomicReference<Reply> catalog = new AtomicReference<>(new Reply(200, truncated, java.util.Map.of(), 0));
        try (Database db = Database.open(dir.resolve("c.db")); LoopbackServer server = server(catalog)) {
            CatalogPoller poller = poller(server, db, dir.resolve("images"));
            PollOutcome bad = poller.poll();
            assertThat(bad.kind()).isEqualTo(PollOutcome.Kind.MALFORMED);
            assertThat(bad.message()).contains("not valid JSON");
            assertThat(db.read().fetchCount(THREAD_OPS)).isZero();
            assertThat(db.read().fetchOne(IMPORT_RUNS).getStatus()).isEqualTo("failed");

            catalog.set(new Reply(200, CatalogParserTest.fixture(), java.util.Map.of(), 0));
            assertThat(poller.poll().kind()).isEqualTo(PollOutcome.Kind.CHANGED);
            assertThat(db.read().fetchCount(THREAD_OPS)).isEqualTo(5);
        }
    }

    @Test
    void serverTroubleIsRetriedWithBackoff(@TempDir Path dir) throws Exception {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        byte[] payload = CatalogParserTest.fixture();
        try (Database db = Database.open(dir.resolve("c.db"));
             LoopbackServer server = new LoopbackServer(req -> !req.path().endsWith("catalog.json") ? Reply.of(404, "")
                     : n.incrementAndGet() == 1 ? Reply.of(502, "bad gateway")
                     : n.get() == 2 ? Reply.of(429, "").header("Retry-After", "20")
                     : new Reply(200, payload, java.util.Map.of(), 0))) {
            PollOutcome o = poller(server, db, dir.resolve("images")).poll();
            assertThat(o.kind()).isEqualTo(PollOutcome.Kind.CHANGED);
            assertThat(time.sleeps).contains(Duration.ofSeconds(1), Duration.ofSeconds(20));
        }
    }

    @Test
    void theLastModifiedIsKeptInTheDatabaseSoTheNextProcessAsksConditionallyToo(@TempDir Path dir) throws Exception {
        AtomicReference<Reply> catalog = new AtomicReference<>(new Reply(200, CatalogParserTest.fixture(),
                java.util.Map.of("Last-Modified", "Tue, 20 Jan 2026 09:59:00 GMT"), 0));
        try (LoopbackServer server = server(catalog)) {
            Path file = dir.resolve("c.db");
            try (Database db = Database.open(file)) {
                assertThat(poller(server, db, dir.resolve("images")).poll().kind()).isEqualTo(PollOutcome.Kind.CHANGED);
            }
            // a fresh process, as `live --once` from cron is every time
            try (Database db = Database.open(file)) {
                assertThat(poller(server, db, dir.resolve("images")).poll().kind()).isEqualTo(PollOutcome.Kind.NOT_MODIFIED);
            }
            assertThat(server.seen.stream().filter(s -> s.path().endsWith("catalog.json")).map(LoopbackServer.Seen::ifModifiedSince))
                    .containsExactly(null, "Tue, 20 Jan 2026 09:59:00 GMT");
        }
    }

    @Test
    void aPollWhoseRetriesRunOutIsRecordedAsAFailedRun(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("c.db"));
             LoopbackServer server = new LoopbackServer(req -> Reply.of(503, "down"))) {
            CatalogPoller poller = poller(server, db, dir.resolve("images"));
            org.assertj.core.api.Assertions.assertThatThrownBy(poller::poll).hasMessageContaining("HTTP 503 after 3 attempts");
            assertThat(db.read().fetchOne(IMPORT_RUNS).getStatus()).isEqualTo("failed");
            assertThat(db.read().fetchOne(IMPORT_RUNS).getMessage()).contains("HTTP 503");
        }
    }
}
