package com.bizcharts.cli;

import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WarosuCommandTest {

    @Test
    void searchImportAgainstTheConfiguredArchive(@TempDir Path dir) throws Exception {
        String page = new String(getClass().getResourceAsStream("/com/bizcharts/collect/warosu/search-biz-bitcoin-offset0.html")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try (LoopbackServer server = new LoopbackServer(req -> req.path().equals("/biz/") ? Reply.of(200, page)
                // The page names //i.warosu.org; the configured images_base must be used instead.
                : req.path().equals("/data/biz/thumb/0610/80/1760000000555s.jpg")
                        ? new Reply(200, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9}, java.util.Map.of(), 0)
                        : Reply.of(404, ""))) {
            Path config = dir.resolve("s.toml");
            Files.writeString(config, """
                    [paths]
                    database = "%s"
                    images = "%s"
                    [warosu]
                    base = "%s"
                    images_base = "%s"
                    min_request_interval_ms = 1
                    """.formatted(dir.resolve("w.db").toString().replace("\\", "/"), dir.resolve("img").toString().replace("\\", "/"),
                    server.base(), server.base()));
            CliTest r = CliTest.run("--config", config.toString(), "warosu", "--search", "bitcoin", "--max", "10");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("page 1: 2 threads so far").contains("completed: 1 pages, 2 threads (2 new), 1 thumbnails");
            assertThat(dir.resolve("img")).isNotEmptyDirectory();
            CliTest bad = CliTest.run("--config", config.toString(), "warosu", "--continue", "--backfill");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("pick one");
            CliTest dates = CliTest.run("--config", config.toString(), "warosu", "--from", "2025-02-01", "--to", "2025-01-01");
            assertThat(dates.err()).isEqualTo("error: --from is after --to\n");
        }
    }

    @Test
    void downloadThumbnailsFalseInTheSettingsIsHonoured(@TempDir Path dir) throws Exception {
        String page = new String(getClass().getResourceAsStream("/com/bizcharts/collect/warosu/search-biz-bitcoin-offset0.html")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try (LoopbackServer server = new LoopbackServer(req -> req.path().equals("/biz/") ? Reply.of(200, page)
                : new Reply(200, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9}, java.util.Map.of(), 0))) {
            Path config = dir.resolve("s.toml");
            Files.writeString(config, """
                    [paths]
                    database = "%s"
                    images = "%s"
                    [warosu]
                    base = "%s"
                    images_base = "%s"
                    min_request_interval_ms = 1
                    download_thumbnails = false
                    """.formatted(dir.resolve("w.db").toString().replace("\\", "/"), dir.resolve("img").toString().replace("\\", "/"),
                    server.base(), server.base()));
            CliTest r = CliTest.run("--config", config.toString(), "warosu", "--search", "bitcoin", "--max", "10", "--no-score");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("completed: 1 pages, 2 threads (2 new), 0 thumbnails");
            assertThat(server.seen).extracting(LoopbackServer.Seen::path).containsOnly("/biz/");
        }
    }
}
