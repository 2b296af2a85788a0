package com.bizcharts.cli;

import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LiveCommandTest {

    @TempDir
    Path dir;

    private LoopbackServer server;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackServer();
        config = dir.resolve("settings.toml");
        Files.writeString(config, """
                [paths]
                images = "%s"

                [fourchan]
                api_base = "%s"
                images_base = "%s/"
                min_request_interval_ms = 0
                request_timeout_seconds = 5

                [backoff]
                initial_ms = 1
                max_ms = 5
                max_attempts = 2
                """.formatted(dir.resolve("images"), server.base(), server.base()));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = LiveCommandTest.class.getResourceAsStream("/com/bizcharts/collect/live/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void onceStoresOneSnapshotWithThumbnails() throws Exception {
        server.script("/biz/catalog.json", Reply.of(200, fixture("catalog_biz_later.json"), "Last-Modified", "Wed, 08 Oct 2025 08:10:00 GMT"),
                Reply.of(304, null));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2};
        server.script("/biz/1759889411000s.jpg", Reply.bytes(200, jpeg));
        server.script("/biz/1759914000999s.jpg", Reply.bytes(200, jpeg));
        Path db = dir.resolve("live.db");

        CliTest first = CliTest.run("--config", config.toString(), "--db", db.toString(), "live", "--once");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("catalog stored: 2 threads (2 new, 0 updated), 2 thumbnails saved");
        assertThat(dir.resolve("images/1759914000999s.jpg")).exists();
        assertThat(server.seen().getFirst().header("User-Agent")).startsWith("BizChartsWorkstation");

        CliTest second = CliTest.run("--config", config.toString(), "--db", db.toString(), "live", "--once");
        assertThat(second.out()).contains("not modified");
        assertThat(server.seen().stream().filter(s -> s.path().equals("/biz/catalog.json")).toList().get(1)
                .header("If-Modified-Since")).isEqualTo("Wed, 08 Oct 2025 08:10:00 GMT");

        try (Database d = Database.open(db)) {
            assertThat(new ThreadRepository(d).find(60129666L).orElseThrow().thumbnailPath()).isEqualTo("1759914000999s.jpg");
        }
    }

    @Test
    void unreachableCatalogIsOneLineError() {
        server.script("/biz/catalog.json", Reply.of(503, ""));
        CliTest r = CliTest.run("--config", config.toString(), "--db", dir.resolve("x.db").toString(), "live", "--once",
                "--no-thumbnails");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).startsWith("error: ").contains("HTTP 503").doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void benchCatalogPrintsTimings() {
        CliTest r = CliTest.run("bench", "catalog", "--threads", "30", "--runs", "3", "--warmup", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("catalog parse\\+store, 30 threads, 3 runs after 1 warm-up: median [0-9.]+ ms");
    }
}
