package com.bizcharts.store;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static com.bizcharts.store.schema.Tables.IMAGE_TEXTS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;

/** The {@code image_texts} table: what OCR read in each post's thumbnail, once per post. */
public final class ImageTextRepository {

    /** A post whose thumbnail is stored but not read yet. */
    public record Unread(long threadId, String thumbnailPath) {}

    /** What OCR made of one thumbnail: its status word and the text (empty when none). */
    public record Read(long threadId, String status, String text) {}

    private final Database db;

    public ImageTextRepository(Database db) {
        this.db = db;
    }

    /** Up to {@code limit} posts with a stored thumbnail and no reading yet, newest first. */
    public List<Unread> unread(int limit) {
        return db.read().select(THREAD_OPS.THREAD_ID, THREAD_OPS.THUMBNAIL_PATH).from(THREAD_OPS)
                .where(THREAD_OPS.THUMBNAIL_PATH.isNotNull())
                .and(THREAD_OPS.THREAD_ID.notIn(db.read().select(IMAGE_TEXTS.THREAD_ID).from(IMAGE_TEXTS)))
                .orderBy(THREAD_OPS.POSTED_AT.desc()).limit(limit)
                .fetch(r -> new Unread(r.value1(), r.value2()));
    }

    /** Inside the caller's transaction; a post read before keeps its first reading. */
    public void save(DSLContext ctx, List<Read> reads, Instant at) {
        String readAt = UtcTime.format(at);
        for (Read r : reads) {
            ctx.insertInto(IMAGE_TEXTS).set(IMAGE_TEXTS.THREAD_ID, r.threadId()).set(IMAGE_TEXTS.STATUS, r.status())
                    .set(IMAGE_TEXTS.TEXT, r.text()).set(IMAGE_TEXTS.READ_AT, readAt)
                    .onConflictDoNothing().execute();
        }
    }

    /** The texts of these posts that have one (one query for a batch of posts being scored). */
    public Map<Long, String> texts(Collection<Long> threadIds) {
        Map<Long, String> out = new java.util.HashMap<>();
        for (List<Long> ids : SqlBatches.idChunks(threadIds)) {
            out.putAll(db.read().select(IMAGE_TEXTS.THREAD_ID, IMAGE_TEXTS.TEXT).from(IMAGE_TEXTS)
                    .where(IMAGE_TEXTS.THREAD_ID.in(ids)).fetchMap(IMAGE_TEXTS.THREAD_ID, IMAGE_TEXTS.TEXT));
        }
        return out;
    }

    /** The text read from a post's thumbnail, or empty. */
    public String textOf(long threadId) {
        return db.read().select(IMAGE_TEXTS.TEXT).from(IMAGE_TEXTS).where(IMAGE_TEXTS.THREAD_ID.eq(threadId))
                .fetchOptional(r -> r.value1()).orElse("");
    }
}
