package com.bizcharts.cli;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.store.Database;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** autolabel against a teacher that echoes the key it was sent, and a key that would travel over plain http. */
class AutolabelSecretsTest {

    private static final String KEY = "sk-test-XYZ";
    private static final Map<String, String> ENV = Map.of("BIZCHARTS_TEACHER_API_KEY", KEY);

    @TempDir Path dir;
    private Path db;
    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(401);
    private final AtomicReference<String> body = new AtomicReference<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("a.db");
        try (Database d = Database.open(db)) {
            for (int i = 1; i <= 3; i++) LearnFixtures.post(d, i, "", "post " + i, null, Instant.parse("2026-03-01T00:00:00Z"));
        }
    }

    @AfterEach
    void tearDown() {
        if (server != null) server.stop(0);
    }

    private String serve(InetAddress on) throws Exception {
        server = HttpServer.create(new InetSocketAddress(on, 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status.get(), b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return "http://" + on.getHostAddress() + ":" + server.getAddress().getPort() + "/v1";
    }

    private CliTest autolabel(String base, String... extra) {
        String[] args = {"--db", db.toString(), "autolabel", "--provider", "compatible", "--base-url", base, "--rate-limit", "0"};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CliTest.run(ENV, all);
    }

    @Test
    void aRejectedKeyEchoedByTheServerIsNotPrinted() throws Exception {
        body.set("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ". Header was Bearer " + KEY
                + "\",\"type\":\"invalid_request_error\"}}");
        CliTest r = autolabel(serve(InetAddress.getLoopbackAddress()));
        assertThat(authorizations).containsExactly("Bearer " + KEY);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("HTTP 401").contains("Incorrect API key provided: [redacted]");
        assertThat(r.out() + r.err()).doesNotContain(KEY);
    }

    @Test
    void aRunThatLabeledNothingAndFailedEveryPostExitsNonZero() throws Exception {
        status.set(400); // not retried, not fatal: each post fails on its own
        body.set("{\"error\":{\"message\":\"bad request for key " + KEY + "\",\"type\":\"invalid_request_error\"}}");
        CliTest r = autolabel(serve(InetAddress.getLoopbackAddress()));
        assertThat(r.out()).contains("0 labeled, 3 failed");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("no post labeled, 3 failed").contains("HTTP 400");
        assertThat(r.out() + r.err()).doesNotContain(KEY);
    }

    @Test
    void aKeyGoesOverPlainHttpToAnotherHostOnlyWithAllowInsecure() throws Exception {
        Optional<InetAddress> lan = lanAddress();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to serve on");
        status.set(200);
        body.set("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"label\\\":\\\"bullish\\\","
                + "\\\"confidence\\\":0.8,\\\"sarcasm\\\":false}\"},\"finish_reason\":\"stop\"}],\"usage\":{}}");
        String base = serve(lan.get());

        CliTest refused = autolabel(base);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing to send BIZCHARTS_TEACHER_API_KEY over plain http:// to "
                + lan.get().getHostAddress()).contains("--allow-insecure");
        assertThat(authorizations).as("nothing was sent").isEmpty();

        CliTest allowed = autolabel(base, "--allow-insecure");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("3 labeled, 0 failed");
        assertThat(authorizations).hasSize(3).allMatch(("Bearer " + KEY)::equals);
    }

    private static Optional<InetAddress> lanAddress() throws Exception {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress a : nic.inetAddresses().toList()) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
