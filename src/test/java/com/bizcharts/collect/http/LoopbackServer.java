package com.bizcharts.collect.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that answers each path from a script of responses (the last one repeats) and
 * records every request it saw.
 */
public final class LoopbackServer implements AutoCloseable {

    /** One scripted answer; {@code delayMs} holds the answer back to provoke client timeouts. */
    public record Reply(int status, byte[] body, Map<String, String> headers, long delayMs) {
        public static Reply of(int status, String body, String... headerPairs) {
            Map<String, String> h = new HashMap<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) h.put(headerPairs[i], headerPairs[i + 1]);
            return new Reply(status, body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), h, 0);
        }

        public static Reply bytes(int status, byte[] body) {
            return new Reply(status, body, Map.of(), 0);
        }

        public Reply delayed(long ms) {
            return new Reply(status, body, headers, ms);
        }
    }

    /** A request as the server saw it. */
    public record Seen(String path, Headers headers) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final List<Seen> seen = new ArrayList<>();

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI uri(String path) {
        return URI.create(base() + path);
    }

    public synchronized LoopbackServer script(String path, Reply... replies) {
        scripts.put(path, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    public synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    public synchronized long count(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(path, exchange.getRequestHeaders()));
            Deque<Reply> script = scripts.get(path);
            reply = script == null ? Reply.of(404, "not found")
                    : script.size() > 1 ? script.poll() : script.peek();
        }
        try {
            if (reply.delayMs() > 0) Thread.sleep(reply.delayMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        boolean noBody = reply.status() == 304 || reply.body().length == 0;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
