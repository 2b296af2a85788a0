package com.bizcharts.store;

import java.time.Instant;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.IMAGE_FLAGS;

/** Each post's NSFW reading of its thumbnail, kept so it is read once ({@code image_flags}, V16). */
public final class ImageFlagRepository {

    /** @param nsfw the probability the thumbnail is not safe for work; {@code flagged} at or above the threshold then */
    public record Flag(long threadId, double nsfw, boolean flagged) {}

    private final Database db;

    public ImageFlagRepository(Database db) {
        this.db = db;
    }

    public Optional<Flag> find(long threadId) {
        return db.read().selectFrom(IMAGE_FLAGS).where(IMAGE_FLAGS.THREAD_ID.eq(threadId)).fetchOptional()
                .map(r -> new Flag(r.getThreadId(), r.getNsfw(), r.getFlagged() == 1L));
    }

    public void save(Flag flag, Instant at) {
        db.writeVoid(ctx -> ctx.insertInto(IMAGE_FLAGS).set(IMAGE_FLAGS.THREAD_ID, flag.threadId()).set(IMAGE_FLAGS.NSFW, flag.nsfw())
                .set(IMAGE_FLAGS.FLAGGED, flag.flagged() ? 1L : 0L).set(IMAGE_FLAGS.READ_AT, UtcTime.format(at))
                .onConflict(IMAGE_FLAGS.THREAD_ID).doUpdate().set(IMAGE_FLAGS.NSFW, flag.nsfw())
                .set(IMAGE_FLAGS.FLAGGED, flag.flagged() ? 1L : 0L).set(IMAGE_FLAGS.READ_AT, UtcTime.format(at)).execute());
    }
}
