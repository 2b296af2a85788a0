package com.bizcharts.store;

import com.bizcharts.store.schema.tables.records.ThreadOpsRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.TableField;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.bizcharts.store.schema.Tables.GOLDEN_SET;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.val;

/** Thread OPs and their engagement over time. Methods taking a {@link DSLContext} join the caller's transaction. */
public final class ThreadRepository {

    private final Database db;

    public ThreadRepository(Database db) {
        this.db = db;
    }

    /** Whether each upserted thread was new to the store or already known (from any source). */
    public record UpsertCounts(int inserted, int updated) {}

    /**
     * Inserts or merges OPs. A known thread is never duplicated: counts only grow, missing fields are filled from
     * the newer sighting, the first source and first-seen time are kept, and stripped HTML is not brought back.
     */
    public UpsertCounts upsert(DSLContext ctx, Collection<ThreadOp> ops, Instant seenAt) {
        if (ops.isEmpty()) return new UpsertCounts(0, 0);
        Set<Long> known = new HashSet<>();
        for (List<Long> ids : SqlBatches.idChunks(ops.stream().map(ThreadOp::threadId).distinct().toList())) {
            known.addAll(ctx.select(THREAD_OPS.THREAD_ID).from(THREAD_OPS).where(THREAD_OPS.THREAD_ID.in(ids)).fetch(THREAD_OPS.THREAD_ID));
        }
        String seen = UtcTime.format(seenAt);
        // One prepared statement executed as a JDBC batch: rendering 150 jOOQ upserts cost more than SQLite did.
        BatchBindStep batch = ctx.batch(upsertStatement(ctx));
        for (ThreadOp op : ops) batch = batch.bind(bindValues(op, seen));
        batch.execute();
        // only the posts new to the store: a poll sees its ~150 threads again every minute, and a thread already stored
        // keeps its text (4chan OPs cannot be edited); a thumbnail arriving is announced by setThumbnailPath
        List<Long> added = ops.stream().map(ThreadOp::threadId).filter(id -> !known.contains(id)).distinct().toList();
        db.announce(added);
        // distinct posts: a thread given twice is one post, stored once
        int distinct = (int) ops.stream().map(ThreadOp::threadId).distinct().count();
        return new UpsertCounts(added.size(), distinct - added.size());
    }

    public UpsertCounts upsert(Collection<ThreadOp> ops, Instant seenAt) {
        return db.write(ctx -> upsert(ctx, ops, seenAt));
    }

    /** Records the engagement seen at one moment, so growth of replies can weigh a post later. */
    public void addObservation(DSLContext ctx, long threadId, Instant observedAt, int replies, int images, Integer page) {
        ctx.insertInto(THREAD_OBSERVATIONS)
                .set(THREAD_OBSERVATIONS.THREAD_ID, threadId)
                .set(THREAD_OBSERVATIONS.OBSERVED_AT, UtcTime.format(observedAt))
                .set(THREAD_OBSERVATIONS.REPLY_COUNT, (long) replies)
                .set(THREAD_OBSERVATIONS.IMAGE_COUNT, (long) images)
                .set(THREAD_OBSERVATIONS.PAGE, page == null ? null : page.longValue())
                .execute();
    }

    /** Records a downloaded thumbnail; the post is announced again, since its image can now be read. */
    public void setThumbnailPath(long threadId, String relativePath) {
        db.writeVoid(ctx -> {
            ctx.update(THREAD_OPS).set(THREAD_OPS.THUMBNAIL_PATH, relativePath).where(THREAD_OPS.THREAD_ID.eq(threadId)).execute();
            db.announce(List.of(threadId));
        });
    }

    /** As {@link #setThumbnailPath}, only where the row has none yet; announced only when it changed. */
    public void setThumbnailPathIfMissing(long threadId, String relativePath) {
        db.writeVoid(ctx -> {
            int changed = ctx.update(THREAD_OPS).set(THREAD_OPS.THUMBNAIL_PATH, relativePath)
                    .where(THREAD_OPS.THREAD_ID.eq(threadId)).and(THREAD_OPS.THUMBNAIL_PATH.isNull()).execute();
            if (changed > 0) db.announce(List.of(threadId));
        });
    }

    /**
     * Threads of one source and board seen since {@code since} that have a thumbnail address but no thumbnail on
     * record, newest first: what an interrupted import still owes (a kill between a page's commit and its thumbnails).
     */
    public List<ThreadOp> missingThumbnails(ThreadOp.Source source, String board, Instant since, int limit) {
        return db.read().selectFrom(THREAD_OPS)
                .where(THREAD_OPS.SOURCE.eq(source.dbValue())).and(THREAD_OPS.BOARD.eq(board))
                .and(THREAD_OPS.LAST_SEEN_AT.ge(UtcTime.format(since)))
                .and(THREAD_OPS.THUMBNAIL_URL.isNotNull()).and(THREAD_OPS.THUMBNAIL_PATH.isNull())
                .orderBy(THREAD_OPS.POSTED_AT.desc()).limit(limit)
                .fetch(ThreadRepository::fromRecord);
    }

    public Optional<ThreadOp> find(long threadId) {
        return db.read().selectFrom(THREAD_OPS).where(THREAD_OPS.THREAD_ID.eq(threadId))
                .fetchOptional().map(ThreadRepository::fromRecord);
    }

    public List<ThreadOp> findAll(Collection<Long> ids) {
        List<ThreadOp> out = new java.util.ArrayList<>(ids.size());
        for (List<Long> chunk : SqlBatches.idChunks(ids)) {
            out.addAll(db.read().selectFrom(THREAD_OPS).where(THREAD_OPS.THREAD_ID.in(chunk)).fetch(ThreadRepository::fromRecord));
        }
        return out;
    }

    /** Up to {@code limit} thread ids above {@code after}, ascending: a walk over the whole store a page at a time. */
    public List<Long> idsAfter(long after, int limit) {
        return db.read().select(THREAD_OPS.THREAD_ID).from(THREAD_OPS).where(THREAD_OPS.THREAD_ID.gt(after))
                .orderBy(THREAD_OPS.THREAD_ID).limit(limit).fetch(THREAD_OPS.THREAD_ID);
    }

    public int count() {
        return db.read().fetchCount(THREAD_OPS);
    }

    /** When the store's first and last posts were posted. */
    public record PostingSpan(Instant first, Instant last) {}

    /** The span of posting times the store holds, empty when it holds no post. */
    public Optional<PostingSpan> postingSpan() {
        // two statements: SQLite answers a lone min() or max() from the index's ends, both in one scans the index
        var ctx = db.read();
        String first = ctx.select(min(THREAD_OPS.POSTED_AT)).from(THREAD_OPS).fetchOne(0, String.class);
        if (first == null) return Optional.empty();
        String last = ctx.select(max(THREAD_OPS.POSTED_AT)).from(THREAD_OPS).fetchOne(0, String.class);
        return Optional.of(new PostingSpan(UtcTime.parse(first), UtcTime.parse(last)));
    }

    /** Up to {@code limit} posts nobody has labeled (a skip counts), newest first. */
    public List<ThreadOp> newestUnlabeled(int limit) {
        return db.read().selectFrom(THREAD_OPS).where(unlabeled())
                .orderBy(THREAD_OPS.POSTED_AT.desc()).limit(limit).fetch(ThreadRepository::fromRecord);
    }

    /**
     * Up to {@code limit} posts worth a labeler's time, newest first: unlabeled (a skip counts), outside the golden set
     * (a label there would only test, never train), no stickies.
     */
    public List<ThreadOp> newestToLabel(int limit) {
        return db.read().selectFrom(THREAD_OPS).where(unlabeled())
                .and(THREAD_OPS.THREAD_ID.notIn(db.read().select(GOLDEN_SET.THREAD_ID).from(GOLDEN_SET)))
                .and(THREAD_OPS.STICKY.eq(0L))
                .orderBy(THREAD_OPS.POSTED_AT.desc()).limit(limit).fetch(ThreadRepository::fromRecord);
    }

    private org.jooq.Condition unlabeled() {
        return THREAD_OPS.THREAD_ID.notIn(db.read().select(TRAINING_LABELS.THREAD_ID).from(TRAINING_LABELS));
    }

    /** Every column, in the order {@link #bindValues} gives them. */
    private static final List<TableField<ThreadOpsRecord, ?>> COLUMNS = List.of(
            THREAD_OPS.THREAD_ID, THREAD_OPS.BOARD, THREAD_OPS.SUBJECT, THREAD_OPS.OP_HTML, THREAD_OPS.OP_TEXT_CLEAN,
            THREAD_OPS.NAME, THREAD_OPS.TRIPCODE, THREAD_OPS.POSTED_AT, THREAD_OPS.REPLY_COUNT, THREAD_OPS.IMAGE_COUNT,
            THREAD_OPS.FILE_NAME, THREAD_OPS.FILE_EXT, THREAD_OPS.FILE_SIZE, THREAD_OPS.IMAGE_WIDTH,
            THREAD_OPS.IMAGE_HEIGHT, THREAD_OPS.THUMB_WIDTH, THREAD_OPS.THUMB_HEIGHT, THREAD_OPS.FILE_MD5,
            THREAD_OPS.FILE_DELETED, THREAD_OPS.IMAGE_URL, THREAD_OPS.THUMBNAIL_URL, THREAD_OPS.THUMBNAIL_PATH,
            THREAD_OPS.STICKY, THREAD_OPS.CLOSED, THREAD_OPS.SOURCE, THREAD_OPS.FIRST_SEEN_AT, THREAD_OPS.LAST_SEEN_AT);

    /**
     * The merge rule as one statement with a placeholder per column: counts only grow, a newer sighting fills
     * missing fields but never blanks known ones, first-seen keeps the earliest time.
     */
    private static Query upsertStatement(DSLContext ctx) {
        List<Field<?>> placeholders = COLUMNS.stream().<Field<?>>map(c -> val(null, c)).toList();
        return ctx.insertInto(THREAD_OPS).columns(COLUMNS).values(placeholders)
                .onConflict(THREAD_OPS.THREAD_ID).doUpdate()
                .set(THREAD_OPS.SUBJECT, coalesce(excluded(THREAD_OPS.SUBJECT), THREAD_OPS.SUBJECT))
                .set(THREAD_OPS.OP_HTML, coalesce(excluded(THREAD_OPS.OP_HTML), THREAD_OPS.OP_HTML))
                .set(THREAD_OPS.OP_TEXT_CLEAN, excluded(THREAD_OPS.OP_TEXT_CLEAN))
                .set(THREAD_OPS.NAME, coalesce(excluded(THREAD_OPS.NAME), THREAD_OPS.NAME))
                .set(THREAD_OPS.TRIPCODE, coalesce(excluded(THREAD_OPS.TRIPCODE), THREAD_OPS.TRIPCODE))
                .set(THREAD_OPS.REPLY_COUNT, greatest(excluded(THREAD_OPS.REPLY_COUNT), THREAD_OPS.REPLY_COUNT))
                .set(THREAD_OPS.IMAGE_COUNT, greatest(excluded(THREAD_OPS.IMAGE_COUNT), THREAD_OPS.IMAGE_COUNT))
                .set(THREAD_OPS.FILE_NAME, coalesce(excluded(THREAD_OPS.FILE_NAME), THREAD_OPS.FILE_NAME))
                .set(THREAD_OPS.FILE_EXT, coalesce(excluded(THREAD_OPS.FILE_EXT), THREAD_OPS.FILE_EXT))
                .set(THREAD_OPS.FILE_SIZE, coalesce(excluded(THREAD_OPS.FILE_SIZE), THREAD_OPS.FILE_SIZE))
                .set(THREAD_OPS.IMAGE_WIDTH, coalesce(excluded(THREAD_OPS.IMAGE_WIDTH), THREAD_OPS.IMAGE_WIDTH))
                .set(THREAD_OPS.IMAGE_HEIGHT, coalesce(excluded(THREAD_OPS.IMAGE_HEIGHT), THREAD_OPS.IMAGE_HEIGHT))
                .set(THREAD_OPS.THUMB_WIDTH, coalesce(excluded(THREAD_OPS.THUMB_WIDTH), THREAD_OPS.THUMB_WIDTH))
                .set(THREAD_OPS.THUMB_HEIGHT, coalesce(excluded(THREAD_OPS.THUMB_HEIGHT), THREAD_OPS.THUMB_HEIGHT))
                .set(THREAD_OPS.FILE_MD5, coalesce(excluded(THREAD_OPS.FILE_MD5), THREAD_OPS.FILE_MD5))
                .set(THREAD_OPS.FILE_DELETED, greatest(excluded(THREAD_OPS.FILE_DELETED), THREAD_OPS.FILE_DELETED))
                .set(THREAD_OPS.IMAGE_URL, coalesce(excluded(THREAD_OPS.IMAGE_URL), THREAD_OPS.IMAGE_URL))
                .set(THREAD_OPS.THUMBNAIL_URL, coalesce(excluded(THREAD_OPS.THUMBNAIL_URL), THREAD_OPS.THUMBNAIL_URL))
                .set(THREAD_OPS.THUMBNAIL_PATH, coalesce(excluded(THREAD_OPS.THUMBNAIL_PATH), THREAD_OPS.THUMBNAIL_PATH))
                .set(THREAD_OPS.STICKY, excluded(THREAD_OPS.STICKY))
                .set(THREAD_OPS.CLOSED, excluded(THREAD_OPS.CLOSED))
                .set(THREAD_OPS.FIRST_SEEN_AT, least(excluded(THREAD_OPS.FIRST_SEEN_AT), THREAD_OPS.FIRST_SEEN_AT))
                .set(THREAD_OPS.LAST_SEEN_AT, greatest(excluded(THREAD_OPS.LAST_SEEN_AT), THREAD_OPS.LAST_SEEN_AT));
    }

    private static Object[] bindValues(ThreadOp op, String seen) {
        ThreadOp.ImageFile f = op.file();
        return new Object[] {
                op.threadId(), op.board(), op.subject(), op.opHtml(), op.opTextClean() == null ? "" : op.opTextClean(),
                op.name(), op.tripcode(), UtcTime.format(op.postedAt()), (long) op.replyCount(), (long) op.imageCount(),
                f == null ? null : f.fileName(), f == null ? null : f.ext(), f == null ? null : f.size(),
                f == null ? null : toLong(f.width()), f == null ? null : toLong(f.height()),
                f == null ? null : toLong(f.thumbWidth()), f == null ? null : toLong(f.thumbHeight()),
                f == null ? null : f.md5(), f != null && f.deleted() ? 1L : 0L,
                f == null ? null : f.imageUrl(), f == null ? null : f.thumbnailUrl(), op.thumbnailPath(),
                op.sticky() ? 1L : 0L, op.closed() ? 1L : 0L, op.source().dbValue(), seen, seen};
    }

    private static Long toLong(Integer v) {
        return v == null ? null : v.longValue();
    }

    /** Maps a row of {@code thread_ops} (or a wider select containing its columns) back to the domain record. */
    public static ThreadOp fromRecord(Record rec) {
        ThreadOpsRecord r = rec.into(THREAD_OPS);
        boolean hasFile = r.getFileExt() != null || r.getFileDeleted() == 1L || r.getImageUrl() != null;
        ThreadOp.ImageFile file = hasFile ? new ThreadOp.ImageFile(r.getFileName(), r.getFileExt(), r.getFileSize(),
                toInt(r.getImageWidth()), toInt(r.getImageHeight()), toInt(r.getThumbWidth()), toInt(r.getThumbHeight()),
                r.getFileMd5(), r.getFileDeleted() == 1L, r.getImageUrl(), r.getThumbnailUrl()) : null;
        return new ThreadOp(r.getThreadId(), r.getBoard(), r.getSubject(), r.getOpHtml(), r.getOpTextClean(),
                r.getName(), r.getTripcode(), UtcTime.parse(r.getPostedAt()), toInt(r.getReplyCount()),
                toInt(r.getImageCount()), file, r.getThumbnailPath(), r.getSticky() == 1L, r.getClosed() == 1L,
                ThreadOp.Source.fromDb(r.getSource()));
    }

    private static Integer toInt(Long v) {
        return v == null ? null : v.intValue();
    }
}
