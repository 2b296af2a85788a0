package com.bizcharts.learn.active;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadRepository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label queue ordered "by the model's need": unlabeled posts (newest {@code pool} of them) ranked by
 * {@link HybridAcquisition} over the active model's probabilities and a sketch of each post's words, joined with
 * the model's probabilities so the posts it cannot tell apart and the posts unlike anything labeled come first.
 */
public final class ActiveLearningQueue {

    public record Suggestion(PostInput post, double priority, double uncertainty, int cluster) {}

    private final ThreadRepository threads;
    private final Path imagesDir;
    private final HybridAcquisition acquisition;
    private final TextSketch sketch = new TextSketch(64);

    public ActiveLearningQueue(Database db, Path imagesDir, HybridAcquisition acquisition) {
        this.threads = new ThreadRepository(db);
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
        return threads.newestToLabel(pool).stream().map(op -> PostInput.of(op, imagesDir)).toList();
    }
}
