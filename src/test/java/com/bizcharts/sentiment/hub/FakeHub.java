package com.bizcharts.sentiment.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback Hugging Face Hub as the download docs describe it: {@code /{repo}/resolve/{revision}/{path}} answers
 * with {@code X-Repo-Commit} and an {@code ETag}; an LFS file answers 302 to a second server (the "CDN", another
 * port, so another origin) with {@code X-Linked-Etag} (its SHA-256) and {@code X-Linked-Size}; both honour
 * {@code Range: bytes=N-} with 206 and {@code Content-Range}, and 416 past the end; a missing repository, revision or
 * file is a 404 with {@code X-Error-Code} RepoNotFound, RevisionNotFound or EntryNotFound. Tests can cut a body
 * short, stall it, or make the server ignore ranges. Every request is recorded.
 */
public final class FakeHub implements AutoCloseable {

    /** A request as seen: which server, the path, and the Range and Authorization headers (null when absent). */
    public record Seen(String server, String path, String range, String authorization) {}

    private record Blob(byte[] bytes, boolean lfs) {}

    private final HttpServer hub = server();
    private final HttpServer cdn = server();
    private final Map<String, Map<String, Blob>> repos = new ConcurrentHashMap<>(); // "repo@revision" -> path -> blob
    private final Map<String, byte[]> cdnBlobs = new ConcurrentHashMap<>();
    private final Map<String, String> cdnPaths = new ConcurrentHashMap<>(); // sha256 -> the repository path
    private final Map<String, Integer> cutNext = new ConcurrentHashMap<>();
    private final Map<String, Long> stallNext = new ConcurrentHashMap<>();
    private final Map<String, Long> dripNext = new ConcurrentHashMap<>();
    private volatile boolean ignoreRange;
    private final Map<String, String> gated = new ConcurrentHashMap<>(); // repo -> the token it wants
    public final List<Seen> seen = new CopyOnWriteArrayList<>();

    public FakeHub() {
        hub.createContext("/", ex -> answer(ex, "hub"));
        cdn.createContext("/", ex -> answer(ex, "cdn"));
        hub.start();
        cdn.start();
    }

    /** Publishes a file; an LFS one is served through the CDN redirect. */
    public FakeHub put(String repo, String revision, String path, byte[] bytes, boolean lfs) {
        repos.computeIfAbsent(repo + "@" + revision, k -> new ConcurrentHashMap<>()).put(path, new Blob(bytes, lfs));
        if (lfs) {
            cdnBlobs.put(sha256(bytes), bytes);
            cdnPaths.put(sha256(bytes), path);
        }
        return this;
    }

    /** The next answer with this file's bytes sends only {@code bytes} of its body, then drops the connection. */
    public void cutNext(String path, int bytes) {
        cutNext.put(path, bytes);
    }

    /** The next answer with this file's bytes sends half its body, then waits {@code ms} before the rest. */
    public void stallNext(String path, long ms) {
        stallNext.put(path, ms);
    }

    /** The next answer with this file's bytes sends them in four pieces, {@code ms} apart: slow, but never silent long. */
    public void dripNext(String path, long ms) {
        dripNext.put(path, ms);
    }

    /** Answers a Range request with the whole file (200), as a server without range support does. */
    public void ignoreRange(boolean ignore) {
        ignoreRange = ignore;
    }

    /** The repository answers 401 unless the request carries {@code Authorization: Bearer token}. */
    public void gate(String repo, String token) {
        gated.put(repo, token);
    }

    public String base() {
        return "http://127.0.0.1:" + hub.getAddress().getPort();
    }

    /** The commit a revision resolves to: itself when it is a sha, else a fixed one. */
    public static String commit(String revision) {
        return revision.matches("[0-9a-f]{40}") ? revision : "0123456789abcdef0123456789abcdef01234567";
    }

    /** Requests for a repository path (at the Hub, and at the CDN by its hash). */
    public List<Seen> requestsFor(String path) {
        return seen.stream().filter(s -> s.server().equals("hub") ? s.path().endsWith("/" + path)
                : path.equals(cdnPaths.get(s.path().substring(s.path().lastIndexOf('/') + 1)))).toList();
    }

    private void answer(HttpExchange ex, String server) throws IOException {
        String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        String range = ex.getRequestHeaders().getFirst("Range");
        seen.add(new Seen(server, path, range, ex.getRequestHeaders().getFirst("Authorization")));
        try {
            route(ex, server, path, range);
        } catch (CutShort c) {
            throw c; // out of the handler, unclosed: the server drops the connection mid-body
        }
        ex.close();
    }

    private void route(HttpExchange ex, String server, String path, String range) throws IOException {
        if (server.equals("cdn")) {
            String sha = path.substring("/cdn/".length());
            byte[] blob = cdnBlobs.get(sha);
            if (blob == null) send(ex, 404, new byte[0], null);
            else serve(ex, blob, cdnPaths.get(sha), range);
            return;
        }
        // /{owner}/{name}/resolve/{revision}/{path...}
        String[] parts = path.substring(1).split("/", 5);
        if (parts.length < 5 || !parts[2].equals("resolve")) {
            send(ex, 404, new byte[0], null);
            return;
        }
        String repo = parts[0] + "/" + parts[1];
        String revision = parts[3];
        String file = parts[4];
        if (repos.keySet().stream().noneMatch(k -> k.startsWith(repo + "@"))) {
            error(ex, "RepoNotFound", "Repository not found");
            return;
        }
        String wanted = gated.get(repo);
        if (wanted != null && !("Bearer " + wanted).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().add("X-Error-Code", "GatedRepo");
            send(ex, 401, "Access to this repository is restricted".getBytes(StandardCharsets.UTF_8), null);
            return;
        }
        Map<String, Blob> files = repos.get(repo + "@" + revision);
        if (files == null) {
            error(ex, "RevisionNotFound", "Invalid rev id: " + revision);
            return;
        }
        Blob blob = files.get(file);
        if (blob == null) {
            error(ex, "EntryNotFound", "Entry not found");
            return;
        }
        ex.getResponseHeaders().add("X-Repo-Commit", commit(revision));
        if (blob.lfs()) {
            String sha = sha256(blob.bytes());
            ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha + "\"");
            ex.getResponseHeaders().add("X-Linked-Size", Long.toString(blob.bytes().length));
            ex.getResponseHeaders().add("ETag", "\"" + sha + "\"");
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + cdn.getAddress().getPort() + "/cdn/" + sha);
            send(ex, 302, new byte[0], null);
            return;
        }
        ex.getResponseHeaders().add("ETag", "\"" + sha256(blob.bytes()).substring(0, 40) + "\"");
        serve(ex, blob.bytes(), file, range);
    }

    private void serve(HttpExchange ex, byte[] bytes, String file, String range) throws IOException {
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        long from = range != null && range.startsWith("bytes=") && !ignoreRange
                ? Long.parseLong(range.substring(6, range.indexOf('-'))) : 0;
        if (from >= bytes.length && from > 0) {
            ex.getResponseHeaders().add("Content-Range", "bytes */" + bytes.length);
            send(ex, 416, new byte[0], null);
            return;
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, (int) from, bytes.length);
        if (from > 0) ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        send(ex, from > 0 ? 206 : 200, body, file);
    }

    private void send(HttpExchange ex, int status, byte[] body, String file) throws IOException {
        Integer cut = file == null ? null : cutNext.remove(file);
        Long stall = file == null ? null : stallNext.remove(file);
        Long drip = file == null ? null : dripNext.remove(file);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length == 0) return;
        OutputStream out = ex.getResponseBody();
        try {
            if (cut != null) {
                out.write(body, 0, Math.min(cut, body.length));
                out.flush();
                // out of the handler, the server closes the connection: fewer bytes than Content-Length arrive
                throw new CutShort();
            }
            if (drip != null) {
                int piece = (body.length + 3) / 4;
                for (int at = 0; at < body.length; at += piece) {
                    out.write(body, at, Math.min(piece, body.length - at));
                    out.flush();
                    Thread.sleep(drip);
                }
            } else if (stall != null) {
                out.write(body, 0, body.length / 2);
                out.flush();
                Thread.sleep(stall);
                out.write(body, body.length / 2, body.length - body.length / 2);
            } else {
                out.write(body);
            }
            out.close();
        } catch (CutShort c) {
            throw c;
        } catch (IOException | InterruptedException e) {
            // the client went away (a stall it gave up on): nothing more to send
        }
    }

    private static final class CutShort extends IOException {
        CutShort() {
            super("body cut short on purpose");
        }
    }

    private void error(HttpExchange ex, String code, String message) throws IOException {
        ex.getResponseHeaders().add("X-Error-Code", code);
        ex.getResponseHeaders().add("X-Error-Message", message);
        send(ex, 404, message.getBytes(StandardCharsets.UTF_8), null);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer server() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.setExecutor(Executors.newCachedThreadPool());
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        hub.stop(0);
        cdn.stop(0);
    }
}
