package com.bizcharts.collect.live;

import com.bizcharts.store.ThreadOp;

/**
 * One thread of a catalog: its OP, the catalog page it was on, and the attachment's {@code tim} (the number the
 * thumbnail's file name is built from), or null when the OP has no file or it was deleted.
 */
public record CatalogEntry(ThreadOp op, int page, Long tim) {}
