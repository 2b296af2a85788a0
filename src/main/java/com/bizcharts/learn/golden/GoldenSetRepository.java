package com.bizcharts.learn.golden;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import static com.bizcharts.store.schema.Tables.GOLDEN_SET;

/** The golden_set table: which posts are frozen as the test set, and since when. Rows are only ever added. */
public final class GoldenSetRepository {

    private final Database db;

    public GoldenSetRepository(Database db) {
        this.db = db;
    }

    public Set<Long> threadIds() {
        return Set.copyOf(db.read().select(GOLDEN_SET.THREAD_ID).from(GOLDEN_SET).fetch(r -> r.value1()));
    }

    /** Adds the posts in one transaction; one already in the set keeps its first date. */
    public void add(Collection<Long> threadIds, Instant at) {
        String now = UtcTime.format(at);
        db.writeVoid(ctx -> threadIds.forEach(id -> ctx.insertInto(GOLDEN_SET)
                .set(GOLDEN_SET.THREAD_ID, id).set(GOLDEN_SET.ADDED_AT, now).onConflictDoNothing().execute()));
    }
}
