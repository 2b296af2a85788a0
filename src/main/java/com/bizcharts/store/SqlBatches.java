package com.bizcharts.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How large one SQL statement may grow. jOOQ binds at most 999 values in a SQLite statement and inlines every value
 * past that, and SQLite refuses a statement text over 1,000,000 bytes (SQLITE_TOOBIG, with the whole statement in the
 * error message). So a multi-row insert or an IN list over an unbounded collection (a 100,000-row labels file, a
 * season of catalog snapshots) is split here into statements that stay bound and small.
 */
public final class SqlBatches {

    /** Bound values per statement: SQLite's historical limit, which jOOQ keeps to for the SQLite dialect. */
    public static final int MAX_BOUND_VALUES = 999;

    /** Ids per IN list, leaving room for the other values a query binds. */
    public static final int IDS_PER_QUERY = 900;

    private SqlBatches() {}

    /** Rows per multi-row insert of {@code columns} columns. */
    public static int rowsPerInsert(int columns) {
        return Math.max(1, MAX_BOUND_VALUES / columns);
    }

    /** {@code items} in order, in lists of at most {@code size}. */
    public static <T> List<List<T>> chunks(Collection<T> items, int size) {
        List<T> all = items instanceof List<T> l ? l : new ArrayList<>(items);
        List<List<T>> out = new ArrayList<>((all.size() + size - 1) / size);
        for (int i = 0; i < all.size(); i += size) out.add(all.subList(i, Math.min(all.size(), i + size)));
        return out;
    }

    /** {@code items} in IN lists of {@link #IDS_PER_QUERY}. */
    public static <T> List<List<T>> idChunks(Collection<T> items) {
        return chunks(items, IDS_PER_QUERY);
    }
}
