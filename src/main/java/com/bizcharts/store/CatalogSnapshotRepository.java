package com.bizcharts.store;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.CATALOG_SNAPSHOTS;
import static com.bizcharts.store.schema.Tables.CATALOG_VALIDATORS;
import static com.bizcharts.store.schema.Tables.THREAD_OBSERVATIONS;

/**
 * What one sighting of the live catalog adds besides the OPs: each thread's engagement at that moment
 * ({@code thread_observations}, so reply growth can weigh a post later), the board's snapshot and the catalog's
 * Last-Modified ({@code catalog_validators}, V12). The writes join the poll's transaction.
 */
public final class CatalogSnapshotRepository {

    /** One thread as the catalog showed it: replies, images and the catalog page it was on. */
    public record Sighting(long threadId, int replies, int images, int page) {}

    /**
     * Multi-row inserts: 150 single inserts cost more than the rest of the poll's transaction. A catalog is one
     * statement; more sightings are split so each statement stays bound and small ({@link SqlBatches}).
     */
    public void addObservations(DSLContext ctx, List<Sighting> sightings, Instant at) {
        String observedAt = UtcTime.format(at);
        for (List<Sighting> chunk : SqlBatches.chunks(sightings, SqlBatches.rowsPerInsert(5))) {
            var insert = ctx.insertInto(THREAD_OBSERVATIONS, THREAD_OBSERVATIONS.THREAD_ID, THREAD_OBSERVATIONS.OBSERVED_AT,
                    THREAD_OBSERVATIONS.REPLY_COUNT, THREAD_OBSERVATIONS.IMAGE_COUNT, THREAD_OBSERVATIONS.PAGE);
            for (Sighting s : chunk) insert = insert.values(s.threadId(), observedAt, (long) s.replies(), (long) s.images(), (long) s.page());
            insert.execute();
        }
    }

    /** The board at one moment: thread count, mean replies and the top coins (JSON). */
    public void addSnapshot(DSLContext ctx, String board, Instant at, int threads, double avgReplies, String topCoinsJson) {
        ctx.insertInto(CATALOG_SNAPSHOTS)
                .set(CATALOG_SNAPSHOTS.SNAPSHOT_AT, UtcTime.format(at))
                .set(CATALOG_SNAPSHOTS.BOARD, board)
                .set(CATALOG_SNAPSHOTS.TOTAL_THREADS, (long) threads)
                .set(CATALOG_SNAPSHOTS.AVG_REPLY_COUNT, avgReplies)
                .set(CATALOG_SNAPSHOTS.TOP_COINS, topCoinsJson)
                .execute();
    }

    /** The Last-Modified of the last catalog stored for {@code board}, to send as If-Modified-Since. */
    public Optional<String> lastModified(DSLContext ctx, String board) {
        return ctx.select(CATALOG_VALIDATORS.LAST_MODIFIED).from(CATALOG_VALIDATORS)
                .where(CATALOG_VALIDATORS.BOARD.eq(board)).fetchOptional(CATALOG_VALIDATORS.LAST_MODIFIED);
    }

    /** Inside the poll's transaction: the validator moves only together with the catalog it describes. */
    public void saveLastModified(DSLContext ctx, String board, String lastModified, Instant at) {
        ctx.insertInto(CATALOG_VALIDATORS)
                .set(CATALOG_VALIDATORS.BOARD, board)
                .set(CATALOG_VALIDATORS.LAST_MODIFIED, lastModified)
                .set(CATALOG_VALIDATORS.STORED_AT, UtcTime.format(at))
                .onConflict(CATALOG_VALIDATORS.BOARD).doUpdate()
                .set(CATALOG_VALIDATORS.LAST_MODIFIED, lastModified)
                .set(CATALOG_VALIDATORS.STORED_AT, UtcTime.format(at))
                .execute();
    }
}
