package com.bizcharts.collect.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A body handler that keeps at most {@link BodyCap#bytes()} bytes: a larger Content-Length is refused before a byte is
 * read, and a body streamed past the cap is cancelled there (the connection is dropped). The JDK's own
 * {@code BodyHandlers.limiting} only exists from Java 25; this project runs on 21. {@link #abort()} lets the caller
 * drop an exchange that overran its deadline while the body was still trickling in.
 */
final class CappedBody implements HttpResponse.BodyHandler<byte[]> {

    private final BodyCap cap;
    private final AtomicReference<Subscriber> current = new AtomicReference<>();

    CappedBody(BodyCap cap) {
        this.cap = cap;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        Subscriber s = new Subscriber(declared > cap.bytes() ? cap.tooLarge("of " + declared + " bytes (Content-Length)") : null,
                declared);
        current.set(s);
        return s;
    }

    /** Cancels the body being read, if any; its future fails with a timeout. */
    void abort(String why) {
        Subscriber s = current.get();
        if (s != null) s.fail(new HttpTimeoutException(why));
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final String refused;
        private final ByteArrayOutputStream buffer;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private long received;

        Subscriber(String refused, long declared) {
            this.refused = refused;
            // Sized from the declared length when it is sane, so a cap of megabytes does not allocate megabytes upfront.
            this.buffer = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 8192), 1 << 20));
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refused != null) {
                fail(new BodyTooLargeException(refused));
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) return;
            for (ByteBuffer b : items) {
                received += b.remaining();
                if (received > cap.bytes()) {
                    fail(new BodyTooLargeException(cap.tooLarge("of more than " + cap.bytes() + " bytes")));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        void fail(Exception e) {
            if (!result.completeExceptionally(e)) return;
            Flow.Subscription s = subscription;
            if (s != null) s.cancel();
        }
    }
}
