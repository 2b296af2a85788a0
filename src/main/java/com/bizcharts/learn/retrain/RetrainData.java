package com.bizcharts.learn.retrain;

import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import org.jooq.Record;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/** Reads the examples a retrain can use, each with its provenance, straight from the store. */
final class RetrainData {

    record Example(LabeledPost post, String provenance, Instant labeledAt) {}

    private final Database db;
    private final Path imagesDir;

    RetrainData(Database db, Path imagesDir) {
        this.db = db;
        this.imagesDir = imagesDir;
    }

    /** Human ratings (latest per thread), golden posts excluded, oldest first. */
    List<Example> human(Set<Long> golden) {
        Map<Long, Example> latest = new LinkedHashMap<>();
        for (Record r : db.read().select(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.RATING, TRAINING_LABELS.LABELED_AT,
                        TRAINING_LABELS.TEXT_SNAPSHOT, THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN, THREAD_OPS.THUMBNAIL_PATH,
                        THREAD_OPS.REPLY_COUNT, THREAD_OPS.POSTED_AT)
                .from(TRAINING_LABELS).leftJoin(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID))
                .where(TRAINING_LABELS.SKIPPED.eq(0L))
                .orderBy(TRAINING_LABELS.LABELED_AT, TRAINING_LABELS.ID).fetch()) {
            long id = r.get(TRAINING_LABELS.THREAD_ID);
            if (golden.contains(id)) continue;
            latest.remove(id);
            latest.put(id, new Example(new LabeledPost(post(r, id, r.get(TRAINING_LABELS.TEXT_SNAPSHOT)),
                    SentimentLabel.ofRating(r.get(TRAINING_LABELS.RATING).intValue())), "human",
                    UtcTime.parse(r.get(TRAINING_LABELS.LABELED_AT))));
        }
        return new ArrayList<>(latest.values());
    }

    /** Golden posts with their human rating: the frozen test set. */
    List<LabeledPost> golden(Set<Long> golden) {
        Map<Long, LabeledPost> latest = new LinkedHashMap<>();
        for (Record r : db.read().select(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.RATING, TRAINING_LABELS.TEXT_SNAPSHOT,
                        THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN, THREAD_OPS.THUMBNAIL_PATH, THREAD_OPS.REPLY_COUNT,
                        THREAD_OPS.POSTED_AT)
                .from(TRAINING_LABELS).leftJoin(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID))
                .where(TRAINING_LABELS.SKIPPED.eq(0L)).and(TRAINING_LABELS.THREAD_ID.in(golden))
                .orderBy(TRAINING_LABELS.LABELED_AT, TRAINING_LABELS.ID).fetch()) {
            long id = r.get(TRAINING_LABELS.THREAD_ID);
            latest.put(id, new LabeledPost(post(r, id, r.get(TRAINING_LABELS.TEXT_SNAPSHOT)),
                    SentimentLabel.ofRating(r.get(TRAINING_LABELS.RATING).intValue())));
        }
        return new ArrayList<>(latest.values());
    }

    /** Confident teacher labels on posts no person rated and outside the golden set (best teacher per post). */
    List<Example> teacher(double minConfidence, Set<Long> exclude) {
        Map<Long, Example> best = new LinkedHashMap<>();
        Map<Long, Double> conf = new LinkedHashMap<>();
        for (Record r : db.read().select(TEACHER_LABELS.THREAD_ID, TEACHER_LABELS.RATING, TEACHER_LABELS.CONFIDENCE,
                        TEACHER_LABELS.LABELED_AT, TEACHER_LABELS.PROVIDER, TEACHER_LABELS.MODEL, THREAD_OPS.SUBJECT,
                        THREAD_OPS.OP_TEXT_CLEAN, THREAD_OPS.THUMBNAIL_PATH, THREAD_OPS.REPLY_COUNT, THREAD_OPS.POSTED_AT)
                .from(TEACHER_LABELS).join(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(TEACHER_LABELS.THREAD_ID))
                .where(TEACHER_LABELS.CONFIDENCE.ge(minConfidence))
                .orderBy(TEACHER_LABELS.THREAD_ID).fetch()) {
            long id = r.get(TEACHER_LABELS.THREAD_ID);
            if (exclude.contains(id)) continue;
            double c = r.get(TEACHER_LABELS.CONFIDENCE);
            if (conf.containsKey(id) && conf.get(id) >= c) continue;
            conf.put(id, c);
            best.put(id, new Example(new LabeledPost(post(r, id, null), SentimentLabel.ofRating(r.get(TEACHER_LABELS.RATING).intValue())),
                    "teacher:" + r.get(TEACHER_LABELS.PROVIDER) + "/" + r.get(TEACHER_LABELS.MODEL),
                    UtcTime.parse(r.get(TEACHER_LABELS.LABELED_AT))));
        }
        return new ArrayList<>(best.values());
    }

    /** Posts nobody labeled (for pseudo-labels), newest first, at most {@code limit}. */
    List<PostInput> unlabeled(Set<Long> exclude, int limit) {
        List<PostInput> out = new ArrayList<>();
        for (Record r : db.read().select(THREAD_OPS.THREAD_ID, THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN,
                        THREAD_OPS.THUMBNAIL_PATH, THREAD_OPS.REPLY_COUNT, THREAD_OPS.POSTED_AT)
                .from(THREAD_OPS).where(THREAD_OPS.THREAD_ID.notIn(db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS)))
                .orderBy(THREAD_OPS.POSTED_AT.desc()).limit(limit + exclude.size()).fetch()) {
            long id = r.get(THREAD_OPS.THREAD_ID);
            if (exclude.contains(id) || out.size() >= limit) continue;
            out.add(post(r, id, null));
        }
        return out;
    }

    private PostInput post(Record r, long id, String snapshot) {
        boolean present = r.get(THREAD_OPS.POSTED_AT) != null;
        String text = present ? r.get(THREAD_OPS.OP_TEXT_CLEAN) : snapshot;
        String thumb = present ? r.get(THREAD_OPS.THUMBNAIL_PATH) : null;
        return new PostInput(id, present ? r.get(THREAD_OPS.SUBJECT) : "", text == null ? "" : text,
                thumb == null ? null : imagesDir.resolve(thumb), present ? r.get(THREAD_OPS.REPLY_COUNT).intValue() : 0,
                present ? UtcTime.parse(r.get(THREAD_OPS.POSTED_AT)) : null);
    }
}
