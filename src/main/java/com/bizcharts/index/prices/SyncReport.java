package com.bizcharts.index.prices;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one coin's sync did.
 *
 * @param expected bars the range holds
 * @param cached   bars already stored before the sync (no request made for them)
 * @param added    bars stored by this sync
 * @param missing  bars still absent afterwards (a provider had none, or every provider failed)
 * @param calls    calls made per provider
 * @param problems each provider failure, in order, with its reason
 */
public record SyncReport(String coin, String interval, Instant from, Instant to, int expected, int cached, int added,
                         int missing, Map<String, Integer> calls, List<String> problems, boolean failed) {}
