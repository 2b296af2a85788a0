package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.SentimentModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Scores every post that has no prediction from the given model: reads a chunk, predicts it in parallel batches on
 * a bounded pool, writes the chunk in one transaction (the single writer), and goes on until none is left. A post
 * that fails to score is logged and skipped, never the whole run.
 */
public final class BatchScorer {

    private static final Logger log = LoggerFactory.getLogger(BatchScorer.class);

    private final PredictionRepository predictions;
    private final Path imagesDir;
    private final Clock clock;

    public BatchScorer(PredictionRepository predictions, Path imagesDir, Clock clock) {
        this.predictions = predictions;
        this.imagesDir = imagesDir;
        this.clock = clock;
    }

    /** What a run did. */
    public record Result(int scored, int failed) {}

    public Result scoreAll(SentimentModel model, int batchSize, int threads, IntConsumer progress) {
        if (batchSize < 1 || threads < 1) throw new IllegalArgumentException("batch size and threads must be at least 1");
        int scored = 0, failed = 0;
        long after = Long.MIN_VALUE;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scorer");
            t.setDaemon(true);
            return t;
        });
        try {
            while (true) {
                List<PostInput> chunk = predictions.unscored(model.id(), imagesDir, after, batchSize * threads);
                if (chunk.isEmpty()) break;
                after = chunk.get(chunk.size() - 1).threadId();
                List<Future<List<PredictionRepository.Stored>>> parts = new ArrayList<>();
                for (int s = 0; s < chunk.size(); s += batchSize) {
                    List<PostInput> batch = chunk.subList(s, Math.min(chunk.size(), s + batchSize));
                    parts.add(pool.submit(() -> score(model, batch)));
                }
                List<PredictionRepository.Stored> out = new ArrayList<>(chunk.size());
                for (Future<List<PredictionRepository.Stored>> f : parts) out.addAll(f.get());
                predictions.saveAll(out);
                scored += out.size();
                failed += chunk.size() - out.size();
                progress.accept(scored);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scoring interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("scoring failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(scored, failed);
    }

    /**
     * One batched call (an ONNX signal runs once for the batch); should the batch fail as a whole, its posts are
     * scored one by one so that only the post at fault is skipped.
     */
    private List<PredictionRepository.Stored> score(SentimentModel model, List<PostInput> batch) {
        try {
            List<Prediction> predictions = model.predictAll(batch);
            List<PredictionRepository.Stored> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                out.add(new PredictionRepository.Stored(batch.get(i).threadId(), predictions.get(i), clock.instant()));
            }
            return out;
        } catch (RuntimeException e) {
            log.warn("batch of {} failed ({}); scoring its posts one by one", batch.size(), e.toString());
        }
        List<PredictionRepository.Stored> out = new ArrayList<>(batch.size());
        for (PostInput p : batch) {
            try {
                Prediction prediction = model.predict(p);
                out.add(new PredictionRepository.Stored(p.threadId(), prediction, clock.instant()));
            } catch (RuntimeException e) {
                log.warn("could not score thread {}: {}", p.threadId(), e.toString());
            }
        }
        return out;
    }
}
