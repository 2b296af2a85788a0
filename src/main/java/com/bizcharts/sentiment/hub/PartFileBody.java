package com.bizcharts.sentiment.hub;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * Streams a response body onto the end of a {@code .part} file (or over it, from the start), as it arrives, so a
 * broken-off download keeps every byte received. Completes with the bytes written. {@link #abort} stops it from
 * another thread (a stalled body, a cancel); the file keeps what was written.
 */
final class PartFileBody implements HttpResponse.BodySubscriber<Long> {

    private final FileChannel out;
    private final long offset;
    private final LongConsumer progress;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile long lastArrival = System.nanoTime();
    private long written;

    /**
     * @param append   true: write after the bytes already in {@code part} (a 206 answer); false: start it over
     * @param progress told the file's length after each piece
     */
    PartFileBody(Path part, boolean append, LongConsumer progress) throws IOException {
        this.out = append
                ? FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.offset = append ? out.size() : 0;
        this.progress = progress;
    }

    /** When the last piece arrived (System.nanoTime), for the stall check. */
    long lastArrival() {
        return lastArrival;
    }

    /** Bytes in the part file now. */
    long length() {
        return offset + written;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) s.cancel();
        else s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        try {
            for (ByteBuffer b : items) {
                while (b.hasRemaining()) written += out.write(b);
            }
        } catch (IOException e) {
            abort(e);
            return;
        }
        lastArrival = System.nanoTime();
        progress.accept(offset + written);
        if (!result.isDone()) subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        close();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        close();
        result.complete(written);
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    /** Stops reading: the exchange is dropped, the body completes with {@code why}. */
    void abort(Throwable why) {
        if (!result.completeExceptionally(why)) return;
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
        close();
    }

    private void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the bytes written are on disk or lost with the disk: nothing more to do here
        }
    }
}
