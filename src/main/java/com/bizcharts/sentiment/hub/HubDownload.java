package com.bizcharts.sentiment.hub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Downloads one file of a Hub repository at a revision into a {@code .part} file, resuming what an earlier attempt
 * left there with an HTTP Range request. The address is the Hub's resolve layout,
 * {@code {base}/{repo}/resolve/{revision}/{path}}; a large (LFS) file answers with a redirect to a CDN, followed here
 * by hand so the token (HF_TOKEN, sent as {@code Authorization: Bearer}) only ever goes to the Hub itself. What the
 * Hub says about the file before redirecting is kept: {@code X-Repo-Commit} (the commit the revision resolved to),
 * {@code X-Linked-Etag} (an LFS file's SHA-256) and {@code X-Linked-Size}. A 404 names the repository, revision and
 * path, with the Hub's {@code X-Error-Code} (RepoNotFound, RevisionNotFound, EntryNotFound) read as words.
 */
public final class HubDownload {

    static final String USER_AGENT = "BizChartsWorkstation/0.1 (model fetch)";
    private static final int MAX_REDIRECTS = 5;
    private static final Duration MAX_CONNECT = Duration.ofSeconds(10);

    /**
     * What the Hub said about a file and what arrived.
     *
     * @param length     bytes in the part file now (the whole file)
     * @param hubSize    the size the Hub gave (X-Linked-Size, else the full length of the answer), -1 when not known
     * @param commit     X-Repo-Commit, or null
     * @param linkedEtag X-Linked-Etag without quotes (an LFS file's SHA-256), or null
     * @param etag       the Hub's ETag without quotes (a small file's git blob id), or null
     * @param resumedAt  bytes already in the part file that the server agreed to continue after, 0 when started over
     */
    public record Answer(long length, long hubSize, String commit, String linkedEtag, String etag, long resumedAt) {}

    /** Bytes in the part file and the file's full size (-1 when not known yet). */
    @FunctionalInterface
    public interface Progress {
        void bytes(long done, long total);
    }

    private final URI base;
    private final Supplier<Optional<String>> token;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param base    the Hub, e.g. https://huggingface.co
     * @param token   HF_TOKEN when there is one (asked for on each download, never stored or logged)
     * @param timeout how long to wait for headers, and at most between two pieces of a body
     */
    public HubDownload(URI base, Supplier<Optional<String>> token, Duration timeout) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI base() {
        return base;
    }

    /** {@code {base}/{repo}/resolve/{revision}/{path}}, each part of the path percent-encoded. */
    public URI resolveUri(String repo, String revision, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + "/" + encodePath(repo) + "/resolve/"
                + encode(revision) + "/" + encodePath(path));
    }

    /**
     * Downloads {@code path} into {@code part}, continuing after the bytes already there.
     *
     * @param expectedSize the catalog's size, -1 when it gives none (a longer part file is started over)
     * @throws HubException          the Hub refused, the file is not there, or the body broke off (part kept)
     * @throws CancellationException {@code cancelled} said so; the part file keeps what arrived
     */
    public Answer download(String repo, String revision, String path, Path part, long expectedSize, Progress progress,
                           BooleanSupplier cancelled) {
        try {
            long have = Files.exists(part) ? Files.size(part) : 0;
            if (expectedSize >= 0 && have > expectedSize) {
                Files.delete(part);
                have = 0;
            }
            Optional<String> bearer = token.get(); // asked once per file: it may come from the keyring
            Answer a = attempt(repo, revision, path, part, have, expectedSize, progress, cancelled, bearer);
            // the server could not continue this part (416 with another size, or a range from elsewhere): start over once
            return a != null ? a : attempt(repo, revision, path, part, 0, expectedSize, progress, cancelled, bearer);
        } catch (IOException e) {
            throw new HubException("cannot write " + part + ": " + e.getMessage(), true, e);
        }
    }

    private Answer attempt(String repo, String revision, String path, Path part, long have, long expectedSize,
                           Progress progress, BooleanSupplier cancelled, Optional<String> bearer) throws IOException {
        if (have == 0) Files.deleteIfExists(part);
        String what = path + " of " + repo + " at revision " + revision;
        URI uri = resolveUri(repo, revision, path);
        HttpHeaders hub = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            AtomicReference<PartFileBody> body = new AtomicReference<>();
            long known = expectedSize >= 0 ? expectedSize : hub == null ? -1 : linkedSize(hub);
            HttpResponse<Long> r = send(request(uri, have, bearer), info -> subscriber(info, part, have, known, body, progress),
                    body, what, part, cancelled);
            if (hub == null) hub = r.headers();
            int status = r.statusCode();
            if (status / 100 == 3 && r.headers().firstValue("Location").isPresent()) {
                uri = uri.resolve(r.headers().firstValue("Location").get());
                continue;
            }
            if (status == 200 || status == 206) {
                if (r.body() < 0) return null; // a 206 that does not continue our bytes
                long length = Files.size(part);
                long full = fullLength(r, have);
                long hubSize = linkedSize(hub) >= 0 ? linkedSize(hub) : full;
                long wanted = expectedSize >= 0 ? expectedSize : hubSize;
                if (wanted >= 0 && length < wanted) {
                    throw new HubException("the download of " + what + " ended after " + length + " of " + wanted
                            + " bytes; the partial file " + part.getFileName() + " is kept: fetch again to resume", true);
                }
                return new Answer(length, hubSize, value(hub, "X-Repo-Commit"), unquote(value(hub, "X-Linked-Etag")),
                        unquote(value(hub, "ETag")), status == 206 ? have : 0);
            }
            if (status == 416) {
                // nothing left after our bytes: complete if they are the whole file, else start over
                long total = contentRangeTotal(r.headers());
                long wanted = expectedSize >= 0 ? expectedSize : total;
                if (have > 0 && wanted == have) {
                    return new Answer(have, total >= 0 ? total : have, value(hub, "X-Repo-Commit"),
                            unquote(value(hub, "X-Linked-Etag")), unquote(value(hub, "ETag")), have);
                }
                if (have > 0) return null;
            }
            throw refusal(status, r.headers(), repo, revision, path, uri, bearer.isPresent());
        }
        throw new HubException("more than " + MAX_REDIRECTS + " redirects for " + what, have > 0);
    }

    private HttpRequest request(URI uri, long have, Optional<String> bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept-Encoding", "identity"); // byte ranges and sizes are of the file itself
        if (have > 0) b.header("Range", "bytes=" + have + "-");
        if (sameHost(uri, base)) bearer.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b.build();
    }

    /** The body of a 200/206 goes to the part file; any other answer's body is dropped. -1: a range we cannot use. */
    private static HttpResponse.BodySubscriber<Long> subscriber(HttpResponse.ResponseInfo info, Path part, long have,
                                                                long known, AtomicReference<PartFileBody> body,
                                                                Progress progress) {
        int status = info.statusCode();
        boolean partial = status == 206;
        if (status != 200 && !partial) return HttpResponse.BodySubscribers.replacing(0L);
        if (partial && contentRangeStart(info.headers()) != have) return HttpResponse.BodySubscribers.replacing(-1L);
        long total = known >= 0 ? known : partial ? contentRangeTotal(info.headers())
                : info.headers().firstValueAsLong("Content-Length").orElse(-1);
        try {
            PartFileBody b = new PartFileBody(part, partial, done -> progress.bytes(done, total));
            body.set(b);
            progress.bytes(partial ? have : 0, total);
            return b;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends and waits, checking once a second for a cancel and for a body that stopped arriving. */
    private HttpResponse<Long> send(HttpRequest request, HttpResponse.BodyHandler<Long> handler,
                                    AtomicReference<PartFileBody> body, String what, Path part, BooleanSupplier cancelled) {
        CompletableFuture<HttpResponse<Long>> exchange = client.sendAsync(request, handler);
        while (true) {
            try {
                return exchange.get(Math.min(1000, Math.max(1, timeout.toMillis())), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                PartFileBody b = body.get();
                if (cancelled.getAsBoolean()) {
                    if (b != null) b.abort(new CancellationException("cancelled"));
                    exchange.cancel(true);
                    throw new CancellationException("fetch cancelled during " + what + "; the partial file is kept");
                }
                // the client's timeout covers the headers only: a body that stops arriving is dropped here
                if (b != null && System.nanoTime() - b.lastArrival() > timeout.toNanos()) {
                    b.abort(new HttpTimeoutException("nothing arrived for " + timeout.toSeconds() + " s"));
                }
            } catch (InterruptedException e) {
                PartFileBody b = body.get();
                if (b != null) b.abort(new CancellationException("interrupted"));
                exchange.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("fetch interrupted during " + what);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause() : e.getCause();
                if (cause instanceof CancellationException c) throw c;
                PartFileBody b = body.get();
                if (b == null) {
                    throw new HubException("cannot fetch " + what + " from " + base + " (" + describe(cause)
                            + "): check the network and [models] hub_base_url, then fetch again", false, cause);
                }
                boolean kept = b.length() > 0;
                throw new HubException("the download of " + what + " broke off after " + b.length() + " bytes ("
                        + describe(cause) + ")" + (kept ? "; the partial file " + part.getFileName()
                        + " is kept: fetch again to resume" : "; fetch again"), kept, cause);
            }
        }
    }

    private HubException refusal(int status, HttpHeaders h, String repo, String revision, String path, URI uri,
                                 boolean withToken) {
        String code = h.firstValue("X-Error-Code").orElse("");
        String message = switch (status) {
            case 404 -> switch (code) {
                case "RepoNotFound" -> "repository " + repo + " not found on " + base + " (a private or gated one needs "
                        + (withToken ? "a token with access to it in HF_TOKEN" : "HF_TOKEN") + "): cannot fetch " + path
                        + " at revision " + revision;
                case "RevisionNotFound" -> "revision " + revision + " not found in " + repo + ": cannot fetch " + path;
                default -> repo + " has no " + path + " at revision " + revision + " (HTTP 404 from " + uri + ")";
            };
            case 401, 403 -> "the Hub refused " + path + " of " + repo + " at revision " + revision + " (HTTP " + status
                    + "): " + (withToken ? "the token in HF_TOKEN has no access to it" : "a gated or private repository needs a token in HF_TOKEN");
            default -> "the Hub answered HTTP " + status + " for " + path + " of " + repo + " at revision " + revision
                    + (status == 429 || status >= 500 ? ": try again later" : "") + " (" + uri + ")";
        };
        return new HubException(message, false);
    }

    /** The whole file's length as this answer tells it: a 206's Content-Range total, a 200's Content-Length. */
    private static long fullLength(HttpResponse<Long> r, long have) {
        if (r.statusCode() == 206) {
            long total = contentRangeTotal(r.headers());
            return total >= 0 ? total : r.headers().firstValueAsLong("Content-Length").stream().map(l -> l + have).findFirst().orElse(-1L);
        }
        return r.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private static long linkedSize(HttpHeaders h) {
        return h.firstValueAsLong("X-Linked-Size").orElse(-1);
    }

    /** "bytes 100-199/200" gives 100 (-1 when absent). */
    private static long contentRangeStart(HttpHeaders h) {
        String v = h.firstValue("Content-Range").orElse("");
        int space = v.indexOf(' ');
        int dash = v.indexOf('-');
        try {
            return space >= 0 && dash > space ? Long.parseLong(v.substring(space + 1, dash).strip()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "bytes 100-199/200" and "bytes *&#47;200" give 200 (-1 when absent or "*"). */
    private static long contentRangeTotal(HttpHeaders h) {
        String v = h.firstValue("Content-Range").orElse("");
        int slash = v.lastIndexOf('/');
        try {
            return slash >= 0 ? Long.parseLong(v.substring(slash + 1).strip()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String value(HttpHeaders h, String name) {
        return h == null ? null : h.firstValue(name).orElse(null);
    }

    static String unquote(String etag) {
        if (etag == null) return null;
        String e = etag.strip();
        if (e.startsWith("W/")) e = e.substring(2);
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) e = e.substring(1, e.length() - 1);
        return e.isEmpty() ? null : e;
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b)
                && a.getScheme().equalsIgnoreCase(b.getScheme());
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String describe(Throwable t) {
        String m = t == null ? null : t.getMessage();
        return t == null ? "unknown error" : m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static String encodePath(String path) {
        return Arrays.stream(path.split("/")).map(HubDownload::encode).collect(Collectors.joining("/"));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
