package com.bizcharts.collect;

import org.slf4j.Logger;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Logs each distinct warning once. The live catalog is fetched every minute with the same bad OP in it until the
 * thread dies; a warning per poll would bury everything else in the log. Bounded, so a stream of distinct problems
 * cannot grow it without end (the oldest are forgotten and may be logged again).
 */
public final class OnceWarnings {

    private static final int REMEMBERED = 2000;

    private final Logger log;
    private final Set<String> seen = new LinkedHashSet<>();

    public OnceWarnings(Logger log) {
        this.log = log;
    }

    /** @return whether it was logged now (false: logged before) */
    public synchronized boolean warn(String message) {
        if (!seen.add(message)) return false;
        if (seen.size() > REMEMBERED) seen.remove(seen.iterator().next());
        log.warn(message);
        return true;
    }
}
