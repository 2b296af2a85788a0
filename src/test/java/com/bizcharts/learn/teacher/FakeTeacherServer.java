package com.bizcharts.learn.teacher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A loopback HTTP server that answers like a provider would; the test decides each response. */
final class FakeTeacherServer implements AutoCloseable {

    record Response(int status, String body, String retryAfter) {
        static Response ok(String body) { return new Response(200, body, null); }
    }

    record Seen(String method, String path, String authorization, String googKey, String body) {}

    private final HttpServer server;
    final List<Seen> requests = new CopyOnWriteArrayList<>();

    FakeTeacherServer(Function<Seen, Response> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> handle(exchange, answer));
        server.start();
    }

    private void handle(HttpExchange ex, Function<Seen, Response> answer) throws IOException {
        Seen seen = new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("x-goog-api-key"),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(seen);
        Response r = answer.apply(seen);
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (r.retryAfter() != null) ex.getResponseHeaders().add("Retry-After", r.retryAfter());
        ex.sendResponseHeaders(r.status(), bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static String openAiAnswer(String content, int in, int out) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"");
        return """
                {"id":"chatcmpl-x","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,
                "message":{"role":"assistant","content":"%s","refusal":null},"finish_reason":"stop"}],
                "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}""".formatted(escaped, in, out, in + out);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
