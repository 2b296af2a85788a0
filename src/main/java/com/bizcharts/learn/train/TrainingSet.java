package com.bizcharts.learn.train;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import org.jooq.Record;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

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
        List<? extends Record> rows = db.read()
                .select(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.RATING, TRAINING_LABELS.TEXT_SNAPSHOT,
                        THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN, THREAD_OPS.THUMBNAIL_PATH,
                        THREAD_OPS.REPLY_COUNT, THREAD_OPS.POSTED_AT)
                .from(TRAINING_LABELS).leftJoin(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID))
                .where(TRAINING_LABELS.SKIPPED.eq(0L))
                .orderBy(TRAINING_LABELS.LABELED_AT, TRAINING_LABELS.ID)
                .fetch();
        Map<Long, LabeledPost> latest = new LinkedHashMap<>();
        StringBuilder canonical = new StringBuilder();
        for (Record r : rows) {
            long id = r.get(TRAINING_LABELS.THREAD_ID);
            boolean present = r.get(THREAD_OPS.POSTED_AT) != null;
            String subject = present ? r.get(THREAD_OPS.SUBJECT) : "";
            String text = present ? r.get(THREAD_OPS.OP_TEXT_CLEAN) : r.get(TRAINING_LABELS.TEXT_SNAPSHOT);
            String thumb = present ? r.get(THREAD_OPS.THUMBNAIL_PATH) : null;
            Instant posted = present ? UtcTime.parse(r.get(THREAD_OPS.POSTED_AT)) : null;
            int replies = present ? r.get(THREAD_OPS.REPLY_COUNT).intValue() : 0;
            PostInput post = new PostInput(id, subject, text == null ? "" : text,
                    thumb == null ? null : imagesDir.resolve(thumb), replies, posted);
            SentimentLabel label = SentimentLabel.ofRating(r.get(TRAINING_LABELS.RATING).intValue());
            latest.remove(id);
            latest.put(id, new LabeledPost(post, label));
        }
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
