package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.SentimentModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores chunks of posts in parallel batches on a bounded pool. A batch that fails as a whole is retried post by
 * post, so only the post at fault fails, and it is recorded with its reason ({@code score_failures}) rather than
 * retried forever or lost. The scoring service feeds it the chunks it reads and stores what comes back.
 */
public final class BatchScorer {

    private static final Logger log = LoggerFactory.getLogger(BatchScorer.class);

    private final Clock clock;

    public BatchScorer(Clock clock) {
        this.clock = clock;
    }

    /** One chunk's predictions and the posts that could not be scored. */
    public record Chunk(List<PredictionRepository.Stored> stored, List<PredictionRepository.Failure> failures) {}

    /** A fixed pool of daemon threads named for the scorer; the caller shuts it down. */
    public static ExecutorService pool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scorer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Scores {@code posts} in batches of {@code batchSize} on {@code pool}; nothing is stored here. */
    public Chunk score(SentimentModel model, List<PostInput> posts, int batchSize, ExecutorService pool) {
        List<Future<Chunk>> parts = new ArrayList<>();
        for (int s = 0; s < posts.size(); s += batchSize) {
            List<PostInput> batch = posts.subList(s, Math.min(posts.size(), s + batchSize));
            parts.add(pool.submit(() -> scoreBatch(model, batch)));
        }
        List<PredictionRepository.Stored> stored = new ArrayList<>(posts.size());
        List<PredictionRepository.Failure> failures = new ArrayList<>();
        try {
            for (Future<Chunk> f : parts) {
                Chunk c = f.get();
                stored.addAll(c.stored());
                failures.addAll(c.failures());
            }
        } catch (InterruptedException e) {
            parts.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scoring interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("scoring failed: " + e.getCause().getMessage(), e.getCause());
        }
        return new Chunk(stored, failures);
    }

    /**
     * One batched call (an ONNX signal runs once for the batch); should the batch fail as a whole, its posts are
     * scored one by one so that only the post at fault is skipped.
     */
    private Chunk scoreBatch(SentimentModel model, List<PostInput> batch) {
        try {
            List<Prediction> out = model.predictAll(batch);
            List<PredictionRepository.Stored> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                stored.add(new PredictionRepository.Stored(batch.get(i).threadId(), out.get(i), clock.instant()));
            }
            return new Chunk(stored, List.of());
        } catch (RuntimeException e) {
            log.warn("batch of {} failed ({}); scoring its posts one by one", batch.size(), e.toString());
        }
        List<PredictionRepository.Stored> stored = new ArrayList<>(batch.size());
        List<PredictionRepository.Failure> failures = new ArrayList<>();
        for (PostInput p : batch) {
            try {
                stored.add(new PredictionRepository.Stored(p.threadId(), model.predict(p), clock.instant()));
            } catch (RuntimeException e) {
                log.warn("could not score thread {}: {}", p.threadId(), e.toString());
                failures.add(new PredictionRepository.Failure(p.threadId(), model.id(), String.valueOf(e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()), clock.instant()));
            }
        }
        return new Chunk(stored, failures);
    }
}
