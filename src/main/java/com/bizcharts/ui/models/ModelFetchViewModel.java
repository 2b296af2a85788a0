package com.bizcharts.ui.models;

import com.bizcharts.sentiment.hub.FetchResult;
import com.bizcharts.sentiment.hub.FetchStatus;
import com.bizcharts.sentiment.hub.ModelCatalog;
import com.bizcharts.sentiment.hub.ModelFetch;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Fetch a model…" in the Models view: the catalog's models to choose from, the fetch of the chosen one off the FX
 * thread with its progress, cancel, and what came of it (the registered id and how to turn it on, or why not).
 * The engine's {@link ModelFetch} does the work; progress reaches the screen at most every 100 ms.
 */
public final class ModelFetchViewModel {

    /** A model of the catalog as the choice box shows it. */
    public record Choice(String name, String kind, String description, String size) {
        @Override
        public String toString() {
            return name + " (" + kind + (size.isEmpty() ? "" : ", " + size) + ")";
        }
    }

    private static final long PUBLISH_EVERY_NANOS = 100_000_000L;

    private final ModelFetch fetch;
    private final Runnable onRegistered;
    private final UiExecutors ex;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> chosen = new SimpleObjectProperty<>();
    private final BooleanProperty fetching = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty stage = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicLong lastPublished = new AtomicLong();

    /** @param onRegistered run on the FX thread after a model was registered (the registry table re-reads) */
    public ModelFetchViewModel(ModelFetch fetch, Runnable onRegistered, UiExecutors ex) {
        this.fetch = fetch;
        this.onRegistered = onRegistered;
        this.ex = ex;
    }

    public ObservableList<Choice> choices() { return choices; }
    public ObjectProperty<Choice> chosenProperty() { return chosen; }
    public ReadOnlyBooleanProperty fetchingProperty() { return fetching; }
    /** 0..1 of the current file, -1 while its size is not known. */
    public ReadOnlyDoubleProperty progressProperty() { return progress; }
    /** The step in progress ("[2/4] onnx/text_model.onnx: 12.3 of 254.0 MB"). */
    public ReadOnlyStringProperty stageProperty() { return stage; }
    /** What the last fetch came to. */
    public ReadOnlyStringProperty resultProperty() { return result; }

    /** Reads the catalog (off the FX thread: it is a file) and offers its models, the first one chosen. */
    public void loadCatalog() {
        ex.background().execute(() -> {
            try {
                var models = fetch.catalog().models().stream()
                        .map(m -> new Choice(m.name(), m.kind(), m.description(), m.describeSize())).toList();
                ex.fx().execute(() -> {
                    choices.setAll(models);
                    if (chosen.get() == null && !models.isEmpty()) chosen.set(models.get(0));
                });
            } catch (RuntimeException failure) {
                ex.fx().execute(() -> result.set("cannot read the model catalog: " + failure.getMessage()));
            }
        });
    }

    /** Fetches the chosen model; a second press while one runs does nothing. */
    public void fetchChosen() {
        Choice c = chosen.get();
        if (c == null) {
            result.set("choose a model to fetch");
            return;
        }
        if (fetching.get()) return;
        fetching.set(true);
        cancel.set(false);
        progress.set(-1);
        stage.set("fetching " + c.name() + "…");
        result.set("");
        ex.background().execute(() -> {
            String text;
            boolean registered = false;
            try {
                FetchResult r = fetch.fetch(c.name(), this::publish, cancel::get);
                registered = true;
                text = "registered " + r.model().id() + " in " + r.folder().toString().replace('\\', '/') + ", not active"
                        + (r.notes().isEmpty() ? "" : "; " + r.notes().size() + " file(s) had no pinned hash: recorded in its manifest.json")
                        + ". " + r.turnOn();
            } catch (CancellationException e) {
                text = "fetch cancelled; what arrived is kept and the next fetch resumes there";
            } catch (RuntimeException failure) {
                text = "fetch failed: " + failure.getMessage();
            }
            String t = text;
            boolean done = registered;
            ex.fx().execute(() -> {
                fetching.set(false);
                progress.set(done ? 1 : 0);
                stage.set(done ? "done" : "");
                result.set(t);
                if (done) onRegistered.run();
            });
        });
    }

    /** Stops the fetch within a second; the partial file stays for the next one. */
    public void cancel() {
        if (!fetching.get()) return;
        cancel.set(true);
        stage.set("cancelling…");
    }

    /** Steps always reach the screen; bytes at most every 100 ms (a file is thousands of network pieces). */
    private void publish(FetchStatus s) {
        long now = System.nanoTime();
        long last = lastPublished.get();
        if (s.news() == null && s.fraction() < 1 && now - last < PUBLISH_EVERY_NANOS) return;
        lastPublished.set(now);
        String line = s.news() != null ? s.news() : s.progressLine();
        double p = s.file() == null ? -1 : s.fraction();
        ex.fx().execute(() -> {
            if (!fetching.get() || cancel.get()) return;
            stage.set(line);
            progress.set(p);
        });
    }
}
