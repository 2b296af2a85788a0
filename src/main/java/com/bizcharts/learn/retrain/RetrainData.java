package com.bizcharts.learn.retrain;

import com.bizcharts.learn.teacher.TeacherLabelRepository;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.Database;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the examples a retrain can use, each with its provenance, through the store's repositories. */
final class RetrainData {

    record Example(LabeledPost post, String provenance, Instant labeledAt) {}

    private final LabelRepository labels;
    private final TeacherLabelRepository teacherLabels;
    private final ThreadRepository threads;
    private final Path imagesDir;

    RetrainData(Database db, Path imagesDir) {
        this.labels = new LabelRepository(db);
        this.teacherLabels = new TeacherLabelRepository(db);
        this.threads = new ThreadRepository(db);
        this.imagesDir = imagesDir;
    }

    /** Human ratings (latest per thread), golden posts excluded, oldest first. */
    List<Example> human(Set<Long> golden) {
        Map<Long, Example> latest = new LinkedHashMap<>();
        for (LabelRepository.LabeledThread rated : labels.ratedWithThreads()) {
            long id = rated.label().threadId();
            if (golden.contains(id)) continue;
            latest.remove(id);
            latest.put(id, new Example(LabeledPost.of(rated, imagesDir), "human", rated.label().labeledAt()));
        }
        return new ArrayList<>(latest.values());
    }

    /** Golden posts with their human rating (the latest), in the order they were first rated: the frozen test set. */
    List<LabeledPost> golden(Set<Long> golden) {
        Map<Long, LabeledPost> latest = new LinkedHashMap<>();
        for (LabelRepository.LabeledThread rated : labels.ratedWithThreads()) {
            if (golden.contains(rated.label().threadId())) latest.put(rated.label().threadId(), LabeledPost.of(rated, imagesDir));
        }
        return new ArrayList<>(latest.values());
    }

    /** Confident teacher labels on stored posts no person rated and outside the golden set (best teacher per post). */
    List<Example> teacher(double minConfidence, Set<Long> exclude) {
        Map<Long, TeacherLabelRepository.ConfidentLabel> best = new LinkedHashMap<>();
        for (TeacherLabelRepository.ConfidentLabel l : teacherLabels.confidentLabels(minConfidence)) {
            if (!exclude.contains(l.threadId())) best.putIfAbsent(l.threadId(), l); // each post's most confident comes first
        }
        Map<Long, ThreadOp> stored = threads.findAll(best.keySet()).stream()
                .collect(Collectors.toMap(ThreadOp::threadId, Function.identity()));
        List<Example> out = new ArrayList<>();
        for (TeacherLabelRepository.ConfidentLabel l : best.values()) {
            ThreadOp op = stored.get(l.threadId());
            if (op == null) continue; // a teacher label without its post has nothing to train on
            out.add(new Example(new LabeledPost(PostInput.of(op, imagesDir), l.label()),
                    "teacher:" + l.provider() + "/" + l.model(), l.labeledAt()));
        }
        return out;
    }

    /** Posts nobody labeled (for pseudo-labels), newest first, at most {@code limit}. */
    List<PostInput> unlabeled(Set<Long> exclude, int limit) {
        List<PostInput> out = new ArrayList<>();
        for (ThreadOp op : threads.newestUnlabeled(limit + exclude.size())) {
            if (exclude.contains(op.threadId()) || out.size() >= limit) continue;
            out.add(PostInput.of(op, imagesDir));
        }
        return out;
    }
}
