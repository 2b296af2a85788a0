package com.bizcharts.learn.active;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.bizcharts.store.schema.Tables.GOLDEN_SET;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/**
 * The label queue ordered "by the model's need": unlabeled posts (newest {@code pool} of them) ranked by
 * {@link HybridAcquisition} over the active model's probabilities and a sketch of each post's words, joined with
 * the model's probabilities so the posts it cannot tell apart and the posts unlike anything labeled come first.
 */
public final class ActiveLearningQueue {

    public record Suggestion(PostInput post, double priority, double uncertainty, int cluster) {}

    private final Database db;
    private final Path imagesDir;
    private final HybridAcquisition acquisition;
    private final TextSketch sketch = new TextSketch(64);

    public ActiveLearningQueue(Database db, Path imagesDir, HybridAcquisition acquisition) {
        this.db = db;
        this.imagesDir = imagesDir;
        this.acquisition = acquisition;
    }

    public List<Suggestion> suggest(SentimentModel model, int n, int pool) {
        return rank(model, unlabeled(pool)).stream().limit(n).toList();
    }

    /** These posts, most useful to label first (the label view's "by the model's need" order). */
    public List<Suggestion> rank(SentimentModel model, List<PostInput> posts) {
        List<Candidate> candidates = new ArrayList<>(posts.size());
        Map<Long, PostInput> byId = new HashMap<>();
        List<double[]> probabilities = model.predictAll(posts).stream().map(p -> p.probabilities()).toList();
        for (int i = 0; i < posts.size(); i++) {
            PostInput p = posts.get(i);
            double[] words = sketch.of(p.fullText());
            double[] probs = probabilities.get(i);
            double[] features = new double[words.length + probs.length];
            System.arraycopy(words, 0, features, 0, words.length);
            System.arraycopy(probs, 0, features, words.length, probs.length);
            candidates.add(new Candidate(p.threadId(), probs, features));
            byId.put(p.threadId(), p);
        }
        return acquisition.order(candidates).stream()
                .map(r -> new Suggestion(byId.get(r.threadId()), r.priority(), r.uncertainty(), r.cluster())).toList();
    }

    private List<PostInput> unlabeled(int pool) {
        return db.read().select(THREAD_OPS.THREAD_ID, THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN, THREAD_OPS.THUMBNAIL_PATH,
                        THREAD_OPS.REPLY_COUNT, THREAD_OPS.POSTED_AT)
                .from(THREAD_OPS)
                .where(THREAD_OPS.THREAD_ID.notIn(db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS)))
                .and(THREAD_OPS.THREAD_ID.notIn(db.read().select(GOLDEN_SET.THREAD_ID).from(GOLDEN_SET)))
                .and(THREAD_OPS.STICKY.eq(0L))
                .orderBy(THREAD_OPS.POSTED_AT.desc()).limit(pool)
                .fetch(r -> new PostInput(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? null : imagesDir.resolve(r.value4()), r.value5().intValue(), UtcTime.parse(r.value6())));
    }
}
