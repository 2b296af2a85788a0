package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one model that scores, as an observable value: the status bar, the dashboard, the label view's guess, the
 * active-learning order, the scoring service and the CLI all read it here, so an activation takes effect everywhere
 * at once. A change made by another process on the same database (a {@code models activate} from a shell) is seen
 * by {@link #watch}, which polls the registry's one active row: a cheap query, no restart.
 *
 * <p>The shipped default is a registered model like any other: with none active, it is registered and activated, so
 * rollback can always return to it and {@code models list} shows what really scores.
 */
public final class ActiveModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);

    /**
     * The model that scores now.
     *
     * @param registryId the registry row it was loaded from
     * @param problem    why the registered active model could not be loaded (the default scores instead), or null
     */
    public record Current(String registryId, SentimentModel model, String problem) {
        /** The id its predictions are stored under (the registry id plus the fused ONNX signals' ids). */
        public String id() { return model.id(); }
    }

    private final ModelRegistry registry;
    private final ModelLoader loader;
    private final List<Consumer<Current>> listeners = new CopyOnWriteArrayList<>();
    private volatile Current current;
    private ScheduledExecutorService watcher;

    public ActiveModel(ModelRegistry registry, ModelLoader loader) {
        this.registry = registry;
        this.loader = loader;
    }

    /** The model that scores, loaded on first use (registering the shipped default when none is active). */
    public Current get() {
        Current c = current;
        if (c != null) return c;
        synchronized (this) {
            if (current == null) current = load(ensureActive());
            return current;
        }
    }

    public String id() {
        return get().id();
    }

    /** Called with the new model whenever it changes, on the thread that noticed; the UI hops to its own thread. */
    public void subscribe(Consumer<Current> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<Current> listener) {
        listeners.remove(listener);
    }

    /** Activates a registered model (through its promotion gate) and switches to it now. */
    public Current activate(String modelId) {
        registry.activate(modelId);
        refresh();
        return get();
    }

    /** Rolls back to the model active before this one (the shipped default at the end of the line). */
    public RegisteredModel rollback() {
        RegisteredModel back = registry.rollback();
        refresh();
        return back;
    }

    /**
     * Re-reads the registry's active row and switches when it names another model; true when it switched. A model
     * that cannot be loaded leaves the previous one scoring, with the reason logged and kept in {@link Current}.
     */
    public boolean refresh() {
        Current next;
        synchronized (this) {
            RegisteredModel active = ensureActive();
            if (current != null && Objects.equals(current.registryId(), active.id())) return false;
            next = load(active);
            if (current != null && current.id().equals(next.id()) && Objects.equals(current.problem(), next.problem())) {
                current = next;
                return false;
            }
            current = next;
        }
        for (Consumer<Current> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                log.warn("active-model listener failed: {}", e.toString());
            }
        }
        return true;
    }

    /** Polls the registry every {@code period} on a daemon thread, to follow activations made by other processes. */
    public synchronized void watch(Duration period) {
        if (watcher != null) return;
        watcher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("active-model-watch").daemon(true).unstarted(r));
        watcher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("could not read the active model: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The active registry row; the shipped default is registered and activated when there is none. */
    private RegisteredModel ensureActive() {
        Optional<RegisteredModel> active = registry.active();
        if (active.isPresent()) return active.get();
        EmbeddedModel shipped = loader.defaultModel();
        String id = shipped.metadata().id();
        registry.register(shipped.metadata(), loader.defaultLocation());
        // another process may have activated a model since our read: theirs stands
        if (!registry.activateIfNoneActive(id)) log.info("a model was activated meanwhile; the shipped default stays registered only");
        return registry.active().orElseGet(() -> registry.find(id).orElseThrow());
    }

    private Current load(RegisteredModel m) {
        try {
            return new Current(m.id(), loader.scoring(loader.load(m)), null);
        } catch (RuntimeException e) {
            String why = "model " + m.id() + " could not be loaded (" + e.getMessage() + "); the shipped default scores instead";
            log.warn(why);
            return new Current(m.id(), loader.scoring(loader.defaultModel()), why);
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) watcher.shutdownNow();
        watcher = null;
    }
}
