package com.bizcharts.store.labels;

import com.bizcharts.store.Database;
import com.bizcharts.store.SqlBatches;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;
import org.jooq.Condition;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.jooq.impl.DSL.noCondition;

/**
 * The posts a labeler works through, filtered and ordered. Returns thread ids only (cheap, thousands at once);
 * the label view loads each post when it comes up. "By the model's need" is delegated to an ordering the learning
 * loop provides, because the store knows nothing of models.
 */
public final class LabelQueue {

    private final Database db;
    private final ThreadRepository threads;
    private final Function<List<Long>, List<Long>> modelNeed;

    /** @param modelNeed reorders candidate ids by the active model's need; identity when no model is available */
    public LabelQueue(Database db, ThreadRepository threads, Function<List<Long>, List<Long>> modelNeed) {
        this(db, threads, modelNeed, () -> null);
    }

    /** @param reviewModel the model whose confident disagreements with a human join the review order (null: none) */
    public LabelQueue(Database db, ThreadRepository threads, Function<List<Long>, List<Long>> modelNeed,
                      java.util.function.Supplier<String> reviewModel) {
        this.db = db;
        this.threads = threads;
        this.modelNeed = modelNeed;
        this.reviewModel = reviewModel;
    }

    /** A model this sure of a post and of another class than a human gave: worth a second look. */
    static final double CONFIDENT = 0.8;

    private final java.util.function.Supplier<String> reviewModel;

    public List<Long> ids(QueueFilter f, String labelerId, int limit, long seed) {
        Condition c = condition(f, labelerId);
        int fetch = f.order() == QueueFilter.Order.NEWEST ? limit : Math.max(limit, 5_000);
        List<Long> ids = new ArrayList<>(db.read().select(THREAD_OPS.THREAD_ID).from(THREAD_OPS).where(c)
                .orderBy(THREAD_OPS.POSTED_AT.desc(), THREAD_OPS.THREAD_ID.desc()).limit(fetch).fetch(THREAD_OPS.THREAD_ID));
        switch (f.order()) {
            case RANDOM -> Collections.shuffle(ids, new Random(seed));
            case MODEL_NEED -> ids = new ArrayList<>(modelNeed.apply(ids));
            case NEWEST, REVIEW -> { }
        }
        return ids.size() > limit ? List.copyOf(ids.subList(0, limit)) : List.copyOf(ids);
    }

    /**
     * Which of {@code candidates} (posts just stored) pass the filter, newest first: how the label view takes in new
     * posts without reading (or re-ranking) its whole queue again.
     */
    public List<Long> matching(QueueFilter f, String labelerId, java.util.Collection<Long> candidates) {
        if (candidates.isEmpty()) return List.of();
        // a large import announces every post it stored: read them in bounded IN lists, then order the whole
        record Match(long threadId, String postedAt) {}
        List<Match> found = new ArrayList<>();
        Condition filter = condition(f, labelerId);
        for (List<Long> ids : SqlBatches.idChunks(candidates)) {
            found.addAll(db.read().select(THREAD_OPS.THREAD_ID, THREAD_OPS.POSTED_AT).from(THREAD_OPS)
                    .where(filter).and(THREAD_OPS.THREAD_ID.in(ids)).fetch(r -> new Match(r.value1(), r.value2())));
        }
        found.sort(java.util.Comparator.comparing(Match::postedAt).thenComparingLong(Match::threadId).reversed());
        return found.stream().map(Match::threadId).toList();
    }

    private Condition condition(QueueFilter f, String labelerId) {
        Condition c = noCondition().and(THREAD_OPS.STICKY.eq(0L));
        if (f.source() != null) c = c.and(THREAD_OPS.SOURCE.eq(f.source().dbValue()));
        if (f.from() != null) c = c.and(THREAD_OPS.POSTED_AT.ge(UtcTime.format(f.from().atStartOfDay().toInstant(ZoneOffset.UTC))));
        if (f.to() != null) c = c.and(THREAD_OPS.POSTED_AT.lt(UtcTime.format(f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
        if (f.minReplies() > 0) c = c.and(THREAD_OPS.REPLY_COUNT.ge((long) f.minReplies()));
        if (f.coin() != null && !f.coin().isBlank()) {
            c = c.and(THREAD_OPS.THREAD_ID.in(db.read().select(COIN_MENTIONS.THREAD_ID).from(COIN_MENTIONS)
                    .where(COIN_MENTIONS.COIN_SYMBOL.eq(f.coin().strip().toUpperCase(Locale.ROOT)))));
        }
        if (f.order() == QueueFilter.Order.REVIEW) return c.and(disputed());
        if (f.unlabeledOnly()) {
            c = c.and(THREAD_OPS.THREAD_ID.notIn(db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS)
                    .where(TRAINING_LABELS.LABELER_ID.eq(labelerId))));
        }
        return c;
    }

    /**
     * Posts to review: two labelers gave different ratings, or a labeler and the teacher or the active model disagree
     * where that one is at least {@value #CONFIDENT} sure; and no reviewer has decided yet. Whoever reviews may have labeled the post too, so "unlabeled only" does not apply here.
     */
    private Condition disputed() {
        var human = TRAINING_LABELS.SKIPPED.eq(0L).and(TRAINING_LABELS.ADJUDICATED.eq(0L));
        var labelers = db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS).where(human)
                .groupBy(TRAINING_LABELS.THREAD_ID).having(org.jooq.impl.DSL.countDistinct(TRAINING_LABELS.RATING).gt(1));
        var teacher = db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS).join(TEACHER_LABELS)
                .on(TEACHER_LABELS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID)).where(human).and(TEACHER_LABELS.RATING.ne(TRAINING_LABELS.RATING))
                .and(TEACHER_LABELS.CONFIDENCE.ge(CONFIDENT)); // an unsure teacher's doubts are not worth a reviewer's time
        var decided = db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS).where(TRAINING_LABELS.ADJUDICATED.eq(1L));
        Condition disputed = THREAD_OPS.THREAD_ID.in(labelers).or(THREAD_OPS.THREAD_ID.in(teacher));
        String model = reviewModel.get();
        if (model != null) {
            disputed = disputed.or(THREAD_OPS.THREAD_ID.in(db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS)
                    .join(PREDICTIONS).on(PREDICTIONS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID)).and(PREDICTIONS.MODEL_ID.eq(model))
                    .where(human).and(PREDICTIONS.CONFIDENCE.ge(CONFIDENT)).and(PREDICTIONS.LABEL.ne(TRAINING_LABELS.RATING))));
        }
        return disputed.and(THREAD_OPS.THREAD_ID.notIn(decided));
    }

    public ThreadOp post(long threadId) {
        return threads.find(threadId).orElseThrow(() -> new IllegalStateException("thread " + threadId + " is gone"));
    }
}
