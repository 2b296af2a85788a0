package com.bizcharts.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Announces, after the commit, which posts a write stored or changed in a way that matters to a model (a new or
 * updated OP, a thumbnail that arrived). Whoever collects (the live poller, the Warosu importer, a label import)
 * needs no idea of who listens: the scoring service subscribes here once, in the composition root.
 */
public final class PostChanges {

    private static final Logger log = LoggerFactory.getLogger(PostChanges.class);

    private final List<Consumer<List<Long>>> listeners = new CopyOnWriteArrayList<>();

    /** Called on the writing thread right after its commit; keep it quick (hand the ids on). */
    public void subscribe(Consumer<List<Long>> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<List<Long>> listener) {
        listeners.remove(listener);
    }

    void publish(List<Long> threadIds) {
        if (threadIds.isEmpty()) return;
        for (Consumer<List<Long>> l : listeners) {
            try {
                l.accept(threadIds);
            } catch (RuntimeException e) {
                // a listener's fault must not make a stored write look failed to its writer
                log.warn("a listener of stored posts failed: {}", e.toString());
            }
        }
    }
}
