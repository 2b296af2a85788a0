package com.bizcharts.collect.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange bounded in time and size. The JDK client's request timeout only covers the wait for the
 * response headers: a server that sends headers and then one byte a second held {@code live --once} for minutes. Here
 * the deadline covers headers and body together, and the body is capped ({@link CappedBody}).
 */
public final class BoundedExchange {

    private BoundedExchange() {}

    /**
     * @throws HttpTimeoutException  the whole answer did not arrive within {@code deadline} (the exchange is dropped)
     * @throws BodyTooLargeException the body is longer than {@code cap}
     */
    public static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, BodyCap cap, Duration deadline)
            throws IOException, InterruptedException {
        CappedBody body = new CappedBody(cap);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, body);
        try {
            return exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            String why = "no complete answer within " + describe(deadline);
            body.abort(why);
            exchange.cancel(true);
            throw new HttpTimeoutException(why);
        } catch (InterruptedException e) {
            body.abort("interrupted");
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    private static IOException unwrap(ExecutionException e) {
        Throwable c = e.getCause();
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) c = c.getCause();
        // The JDK may wrap a subscriber's exception in an IOException of its own: the cap's message must survive.
        for (Throwable t = c; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) return tooLarge;
            if (t instanceof HttpTimeoutException timeout) return timeout;
        }
        if (c instanceof IOException io) return io;
        if (c instanceof RuntimeException r) throw r;
        return new IOException(String.valueOf(c), c);
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
