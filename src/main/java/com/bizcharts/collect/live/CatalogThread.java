package com.bizcharts.collect.live;

import com.bizcharts.store.ThreadOp;

/**
 * One OP as a catalog showed it.
 *
 * @param page the catalog page it was on (1-based today; 2013 catalogs started at 0), kept as served
 * @param tim  the attachment's server file number (thumbnail {@code {tim}s.jpg}), or null without a live file
 */
public record CatalogThread(ThreadOp op, int page, Long tim) {}
