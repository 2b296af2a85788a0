package com.bizcharts.cli;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.store.Database;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AutolabelCommandTest {

    @Test
    void labelsAgainstACompatibleServerAndReportsAgreement(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        try (Database d = Database.open(db)) {
            for (int i = 1; i <= 4; i++) LearnFixtures.post(d, i, "", "post " + i, null, t);
            LearnFixtures.label(d, 1, 3, t);
            LearnFixtures.label(d, 2, 1, t);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] body = """
                    {"choices":[{"index":0,"message":{"role":"assistant","content":"{\\"label\\":\\"bullish\\",\\"confidence\\":0.8,\\"sarcasm\\":false}"},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":200,"completion_tokens":15}}""".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            CliTest dry = CliTest.run("--db", db.toString(), "autolabel", "--provider", "compatible", "--base-url", base, "--dry-run");
            assertThat(dry.exitCode()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("estimate: 4 posts");

            CliTest run = CliTest.run("--db", db.toString(), "autolabel", "--provider", "compatible", "--base-url", base,
                    "--rate-limit", "0", "--batch-size", "2");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("checkpoint: 2 labeled").contains("4 labeled, 0 failed; spent 800 input + 60 output tokens");

            CliTest report = CliTest.run("--db", db.toString(), "autolabel", "report");
            assertThat(report.out()).contains("compatible/local-vlm (prompt biz-v1): 4 teacher labels, 2 also labeled by people")
                    .contains("accuracy 0.500");

            CliTest noKey = CliTest.run("--db", db.toString(), "autolabel", "--provider", "gemini", "--base-url", base);
            if (System.getenv("GEMINI_API_KEY") == null) {
                assertThat(noKey.exitCode()).isEqualTo(2);
                assertThat(noKey.err()).contains("set GEMINI_API_KEY");
            }
        } finally {
            server.stop(0);
        }
    }
}
