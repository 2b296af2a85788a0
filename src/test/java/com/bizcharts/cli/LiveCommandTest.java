package com.bizcharts.cli;

import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LiveCommandTest {

    @Test
    void onceTakesOneSnapshotFromTheConfiguredServer(@TempDir Path dir) throws Exception {
        byte[] catalog;
        try (InputStream in = getClass().getResourceAsStream("/com/bizcharts/collect/live/catalog-biz.json")) {
            catalog = in.readAllBytes();
        }
        try (LoopbackServer server = new LoopbackServer(req -> req.path().equals("/biz/catalog.json")
                ? new Reply(200, catalog, java.util.Map.of(), 0) : Reply.of(404, ""))) {
            Path config = dir.resolve("settings.toml");
            Files.writeString(config, """
                    [paths]
                    database = "%s"
                    images = "%s"
                    [fourchan]
                    api_base = "%s"
                    images_base = "%s"
                    min_request_interval_ms = 10
                    """.formatted(dir.resolve("b.db").toString().replace("\\", "/"),
                    dir.resolve("img").toString().replace("\\", "/"), server.base(), server.base()));
            CliTest r = CliTest.run("--config", config.toString(), "live", "--once");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("catalog: 5 threads (5 new, 0 updated), 0 thumbnails saved");
            // the server/cron path scores as it stores: no separate 'score' needed for the index
            assertThat(r.out()).containsPattern("scored 5 posts with embedded-\\S+; all stored posts are scored");
            try (var db = com.bizcharts.store.Database.open(dir.resolve("b.db"))) {
                assertThat(db.read().fetchCount(com.bizcharts.store.schema.Tables.THREAD_OPS)).isEqualTo(5);
                assertThat(db.read().fetchCount(com.bizcharts.store.schema.Tables.PREDICTIONS)).isEqualTo(5);
            }

            CliTest unscored = CliTest.run("--config", config.toString(), "--db", dir.resolve("c.db").toString(), "live", "--once", "--no-score");
            assertThat(unscored.exitCode()).as(unscored.err()).isZero();
            assertThat(unscored.out()).doesNotContain("scored");
            try (var db = com.bizcharts.store.Database.open(dir.resolve("c.db"))) {
                assertThat(db.read().fetchCount(com.bizcharts.store.schema.Tables.THREAD_OPS)).isEqualTo(5);
                assertThat(db.read().fetchCount(com.bizcharts.store.schema.Tables.PREDICTIONS)).isZero();
            }
        }
    }

    @Test
    void anUnreachableServerIsAOneLineError(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("settings.toml");
        Files.writeString(config, """
                [paths]
                database = "%s"
                [fourchan]
                api_base = "http://127.0.0.1:1"
                min_request_interval_ms = 1
                [backoff]
                initial_ms = 1
                max_ms = 2
                max_attempts = 2
                """.formatted(dir.resolve("b.db").toString().replace("\\", "/")));
        CliTest r = CliTest.run("--config", config.toString(), "live", "--once");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: http://127.0.0.1:1/biz/catalog.json: connection failed").doesNotContain("\tat ");
    }
}
