package com.bizcharts.collect.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A JDK HTTP server on 127.0.0.1 whose answers the test scripts; it records every request it saw. */
public final class LoopbackServer implements AutoCloseable {

    public record Reply(int status, byte[] body, Map<String, String> headers, long delayMs) {
        public static Reply of(int status, String body) {
            return new Reply(status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(), 0);
        }

        public Reply header(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delayMs);
        }

        public Reply delayed(long ms) {
            return new Reply(status, body, headers, ms);
        }
    }

    /** @param headers every request header, names in lower case (first value each) */
    public record Seen(String path, String ifModifiedSince, String userAgent, String query, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    public interface Handler {
        Reply answer(Seen request);
    }

    private final HttpServer server;
    public final List<Seen> seen = new CopyOnWriteArrayList<>();

    public LoopbackServer(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", ex -> handle(ex, handler));
        server.start();
    }

    private void handle(HttpExchange ex, Handler handler) throws IOException {
        Map<String, String> headers = new java.util.HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        Seen s = new Seen(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("If-Modified-Since"),
                ex.getRequestHeaders().getFirst("User-Agent"), ex.getRequestURI().getRawQuery(), Map.copyOf(headers));
        seen.add(s);
        Reply r = handler.answer(s);
        if (r.delayMs() > 0) {
            try {
                Thread.sleep(r.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        boolean empty = r.status() == 304 || r.body().length == 0;
        ex.sendResponseHeaders(r.status(), empty ? -1 : r.body().length);
        if (!empty) ex.getResponseBody().write(r.body());
        ex.close();
    }

    public URI uri(String path) {
        return URI.create(base() + path);
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
