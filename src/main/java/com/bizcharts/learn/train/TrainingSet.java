package com.bizcharts.learn.train;

import com.bizcharts.store.Database;
import com.bizcharts.store.LabelRepository;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Labeled posts to train on, with where they came from and a hash of exactly what they were. */
public record TrainingSet(List<LabeledPost> posts, String source, String sha256) {

    public static TrainingSet fromFile(Path file) {
        LabeledPostsFile.Contents c = LabeledPostsFile.read(file);
        return new TrainingSet(c.posts(), file.toString(), c.sha256());
    }

    /**
     * The database's human labels, joined to their posts (text and thumbnail); when a thread is gone, the text the
     * labeler saw. With several labelers on one thread, the latest verdict counts.
     */
    public static TrainingSet fromDatabase(Database db, Path imagesDir) {
        Map<Long, LabeledPost> latest = new LinkedHashMap<>();
        for (LabelRepository.LabeledThread rated : new LabelRepository(db).ratedWithThreads()) {
            long id = rated.label().threadId();
            latest.remove(id);
            latest.put(id, LabeledPost.of(rated, imagesDir));
        }
        StringBuilder canonical = new StringBuilder();
        List<LabeledPost> posts = new ArrayList<>(latest.values());
        if (posts.isEmpty()) throw new IllegalArgumentException("no labels in the database to train on (label posts first, or use --data)");
        for (LabeledPost p : posts) {
            canonical.append(p.post().threadId()).append('\t').append(p.label().rating()).append('\t')
                    .append(p.post().fullText().replace('\n', ' ')).append('\n');
        }
        return new TrainingSet(List.copyOf(posts), "database " + db.file(),
                LabeledPostsFile.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public EmbeddedTrainer.Provenance provenance(String command, Instant at) {
        return new EmbeddedTrainer.Provenance(source, sha256, command, at);
    }
}
