package com.bizcharts.store;

import com.bizcharts.store.schema.tables.records.TrainingLabelsRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/**
 * Human labels. Writes are durable when the call returns (committed transaction). Labels are never deleted by
 * retention; the only delete is an explicit undo of the labeler's own latest label.
 */
public final class LabelRepository {

    private final Database db;

    public LabelRepository(Database db) {
        this.db = db;
    }

    /** Writes or replaces this labeler's verdict on the thread (one row per thread and labeler). */
    public void save(Label label) {
        db.writeVoid(ctx -> save(ctx, label));
    }

    public void save(DSLContext ctx, Label label) {
        TrainingLabelsRecord r = ctx.newRecord(TRAINING_LABELS);
        r.setThreadId(label.threadId());
        r.setRating(label.rating() == null ? null : label.rating().longValue());
        r.setSkipped(label.skipped() ? 1L : 0L);
        r.setLabelerId(label.labelerId());
        r.setLabeledAt(UtcTime.format(label.labeledAt()));
        r.setNotes(label.notes());
        r.setTextSnapshot(label.textSnapshot());
        r.setImageUrlSnapshot(label.imageUrlSnapshot());
        r.setLeadTimeMs(label.leadTimeMs());
        r.setAdjudicated(label.adjudicated() ? 1L : 0L);
        ctx.insertInto(TRAINING_LABELS).set(r)
                .onConflict(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.LABELER_ID).doUpdate()
                .set(TRAINING_LABELS.RATING, r.getRating())
                .set(TRAINING_LABELS.SKIPPED, r.getSkipped())
                .set(TRAINING_LABELS.LABELED_AT, r.getLabeledAt())
                .set(TRAINING_LABELS.NOTES, r.getNotes())
                .set(TRAINING_LABELS.TEXT_SNAPSHOT, r.getTextSnapshot())
                .set(TRAINING_LABELS.IMAGE_URL_SNAPSHOT, r.getImageUrlSnapshot())
                .set(TRAINING_LABELS.LEAD_TIME_MS, r.getLeadTimeMs())
                .set(TRAINING_LABELS.ADJUDICATED, r.getAdjudicated())
                .execute();
    }

    /**
     * Inserts new labels as one prepared statement run as a JDBC batch, inside the caller's transaction: a
     * 100,000-row labels file would otherwise render 100,000 jOOQ statements. The caller has checked none exists
     * (an existing label is replaced, as by {@link #save}).
     */
    public void saveAll(DSLContext ctx, List<Label> labels) {
        if (labels.isEmpty()) return;
        List<org.jooq.Field<?>> placeholders = SAVED_COLUMNS.stream().<org.jooq.Field<?>>map(c -> DSL.val(null, c)).toList();
        var upsert = ctx.insertInto(TRAINING_LABELS).columns(SAVED_COLUMNS).values(placeholders)
                .onConflict(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.LABELER_ID).doUpdate()
                .set(TRAINING_LABELS.RATING, DSL.excluded(TRAINING_LABELS.RATING))
                .set(TRAINING_LABELS.SKIPPED, DSL.excluded(TRAINING_LABELS.SKIPPED))
                .set(TRAINING_LABELS.LABELED_AT, DSL.excluded(TRAINING_LABELS.LABELED_AT))
                .set(TRAINING_LABELS.NOTES, DSL.excluded(TRAINING_LABELS.NOTES))
                .set(TRAINING_LABELS.TEXT_SNAPSHOT, DSL.excluded(TRAINING_LABELS.TEXT_SNAPSHOT))
                .set(TRAINING_LABELS.IMAGE_URL_SNAPSHOT, DSL.excluded(TRAINING_LABELS.IMAGE_URL_SNAPSHOT))
                .set(TRAINING_LABELS.LEAD_TIME_MS, DSL.excluded(TRAINING_LABELS.LEAD_TIME_MS))
                .set(TRAINING_LABELS.ADJUDICATED, DSL.excluded(TRAINING_LABELS.ADJUDICATED));
        BatchBindStep batch = ctx.batch(upsert);
        for (Label l : labels) {
            batch = batch.bind(l.threadId(), l.rating() == null ? null : l.rating().longValue(), l.skipped() ? 1L : 0L,
                    l.labelerId(), UtcTime.format(l.labeledAt()), l.notes(), l.textSnapshot(), l.imageUrlSnapshot(),
                    l.leadTimeMs(), l.adjudicated() ? 1L : 0L);
        }
        batch.execute();
    }

    /** In the order {@link #saveAll} binds them. */
    private static final List<TableField<TrainingLabelsRecord, ?>> SAVED_COLUMNS = List.of(TRAINING_LABELS.THREAD_ID,
            TRAINING_LABELS.RATING, TRAINING_LABELS.SKIPPED, TRAINING_LABELS.LABELER_ID, TRAINING_LABELS.LABELED_AT,
            TRAINING_LABELS.NOTES, TRAINING_LABELS.TEXT_SNAPSHOT, TRAINING_LABELS.IMAGE_URL_SNAPSHOT, TRAINING_LABELS.LEAD_TIME_MS,
            TRAINING_LABELS.ADJUDICATED);

    /** This labeler's labels on these threads (in bounded IN lists), by thread, inside the caller's transaction. */
    public Map<Long, Label> findAll(DSLContext ctx, String labelerId, Collection<Long> threadIds) {
        Map<Long, Label> out = new HashMap<>();
        for (List<Long> ids : SqlBatches.idChunks(threadIds)) {
            ctx.selectFrom(TRAINING_LABELS).where(TRAINING_LABELS.LABELER_ID.eq(labelerId)).and(TRAINING_LABELS.THREAD_ID.in(ids))
                    .forEach(r -> out.put(r.getThreadId(), fromRecord(r)));
        }
        return out;
    }

    public Optional<Label> find(long threadId, String labelerId) {
        return db.read().selectFrom(TRAINING_LABELS)
                .where(TRAINING_LABELS.THREAD_ID.eq(threadId)).and(TRAINING_LABELS.LABELER_ID.eq(labelerId))
                .fetchOptional().map(LabelRepository::fromRecord);
    }

    /** Removes exactly this labeler's label on this thread (the undo of the last keypress). */
    public boolean delete(long threadId, String labelerId) {
        return db.write(ctx -> ctx.deleteFrom(TRAINING_LABELS)
                .where(TRAINING_LABELS.THREAD_ID.eq(threadId)).and(TRAINING_LABELS.LABELER_ID.eq(labelerId))
                .execute()) > 0;
    }

    /** Every non-skipped label, oldest first. */
    public List<Label> allRated() {
        return db.read().selectFrom(TRAINING_LABELS).where(TRAINING_LABELS.SKIPPED.eq(0L))
                .orderBy(TRAINING_LABELS.LABELED_AT, TRAINING_LABELS.ID).fetch(LabelRepository::fromRecord);
    }

    public int count() {
        return db.read().fetchCount(TRAINING_LABELS);
    }

    /** One person's rating of a post (1 bearish, 2 neutral, 3 bullish). */
    public record Rating(long threadId, int rating) {}

    /**
     * Every non-skip rating, newest first: where people disagree, the most recent verdict breaks a tie. A post a
     * reviewer adjudicated gives only the adjudication.
     */
    public List<Rating> ratingsNewestFirst() {
        return db.read().select(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.RATING).from(TRAINING_LABELS)
                .where(TRAINING_LABELS.SKIPPED.eq(0L)).and(decisive()).orderBy(TRAINING_LABELS.LABELED_AT.desc())
                .fetch(r -> new Rating(r.value1(), r.value2().intValue()));
    }

    /** An adjudication, or a label on a post nobody adjudicated: the labels that decide what a post is. */
    private static org.jooq.Condition decisive() {
        var adjudications = com.bizcharts.store.schema.Tables.TRAINING_LABELS.as("adjudications");
        return TRAINING_LABELS.ADJUDICATED.eq(1L).or(TRAINING_LABELS.THREAD_ID.notIn(
                DSL.select(adjudications.THREAD_ID).from(adjudications).where(adjudications.ADJUDICATED.eq(1L))));
    }

    /** A label with the post it is on; {@code thread} is null when the store does not hold the post (labels outlive posts). */
    public record LabeledThread(Label label, ThreadOp thread) {}

    /**
     * Every non-skip label with its post, oldest first: a post rated by several people comes once per rating; a post
     * a reviewer adjudicated comes once, with the adjudication.
     */
    public List<LabeledThread> ratedWithThreads() {
        return db.read().select().from(TRAINING_LABELS)
                .leftJoin(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID))
                .where(TRAINING_LABELS.SKIPPED.eq(0L)).and(decisive())
                .orderBy(TRAINING_LABELS.LABELED_AT, TRAINING_LABELS.ID)
                .fetch(r -> new LabeledThread(fromRecord(r),
                        r.get(THREAD_OPS.THREAD_ID) == null ? null : ThreadRepository.fromRecord(r)));
    }

    public static Label fromRecord(Record rec) {
        TrainingLabelsRecord r = rec.into(TRAINING_LABELS);
        return new Label(r.getThreadId(), r.getRating() == null ? null : r.getRating().intValue(), r.getSkipped() == 1L,
                r.getLabelerId(), UtcTime.parse(r.getLabeledAt()), r.getNotes(), r.getTextSnapshot(),
                r.getImageUrlSnapshot(), r.getLeadTimeMs(), r.getAdjudicated() != null && r.getAdjudicated() == 1L);
    }

    /** A human rating of a post with a stored thumbnail (outside the golden set): what repost neighbours vote with. */
    public record RatedThumbnail(long threadId, int rating, String labeledAt, String thumbnailPath) {}

    /** Every non-skip rating of a post with a thumbnail, golden posts left out, by thread. */
    public List<RatedThumbnail> ratedThumbnails() {
        return db.read().select(TRAINING_LABELS.THREAD_ID, TRAINING_LABELS.RATING, TRAINING_LABELS.LABELED_AT,
                        THREAD_OPS.THUMBNAIL_PATH)
                .from(TRAINING_LABELS).join(THREAD_OPS)
                .on(THREAD_OPS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID))
                .where(TRAINING_LABELS.SKIPPED.eq(0L)).and(THREAD_OPS.THUMBNAIL_PATH.isNotNull())
                .and(TRAINING_LABELS.THREAD_ID.notIn(db.read().select(com.bizcharts.store.schema.Tables.GOLDEN_SET.THREAD_ID)
                        .from(com.bizcharts.store.schema.Tables.GOLDEN_SET)))
                .orderBy(TRAINING_LABELS.THREAD_ID)
                .fetch(r -> new RatedThumbnail(r.value1(), r.value2().intValue(), r.value3(), r.value4()));
    }

    /** Changes whenever a label is added, changed or removed, or the golden set grows (a cheap staleness check). */
    public String fingerprint() {
        Record r = db.read().select(org.jooq.impl.DSL.count(), org.jooq.impl.DSL.max(TRAINING_LABELS.LABELED_AT),
                        org.jooq.impl.DSL.sum(TRAINING_LABELS.RATING), org.jooq.impl.DSL.sum(TRAINING_LABELS.THREAD_ID))
                .from(TRAINING_LABELS).fetchOne();
        int golden = db.read().fetchCount(com.bizcharts.store.schema.Tables.GOLDEN_SET);
        return r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + golden;
    }
}
