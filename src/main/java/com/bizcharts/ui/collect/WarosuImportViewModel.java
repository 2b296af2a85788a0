package com.bizcharts.ui.collect;

import com.bizcharts.collect.warosu.WarosuImporter;
import com.bizcharts.collect.warosu.WarosuRequest;
import com.bizcharts.store.Coverage;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The Warosu import form's state: the request fields (search, subject, dates, pages, max, continue, backfill), the
 * running import's progress and cancel, and the stored coverage per source for the chart. The import commits page
 * by page, so a cancel keeps every page already imported.
 */
public final class WarosuImportViewModel {

    /** Days shown per source in the coverage chart: the most recent ones. */
    static final int CHART_DAYS = 60;

    /** One source's threads per posting day, oldest first; {@code name} says how many gaps it has. */
    public record CoverageSeries(String name, List<Map.Entry<LocalDate, Integer>> days) {}

    private final Supplier<WarosuImporter> importer;
    private final Supplier<Coverage> coverageQuery;
    private final UiExecutors ex;

    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> pages = new SimpleObjectProperty<>(5);
    private final ObjectProperty<Integer> max = new SimpleObjectProperty<>(1000);
    private final BooleanProperty continueRun = new SimpleBooleanProperty();
    private final BooleanProperty backfill = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty state = new SimpleStringProperty("");
    private final ObservableList<CoverageSeries> coverage = FXCollections.observableArrayList();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public WarosuImportViewModel(Supplier<WarosuImporter> importer, Supplier<Coverage> coverageQuery, UiExecutors ex) {
        this.importer = importer;
        this.coverageQuery = coverageQuery;
        this.ex = ex;
    }

    public StringProperty searchProperty() { return search; }
    public StringProperty subjectProperty() { return subject; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ObjectProperty<Integer> pagesProperty() { return pages; }
    public ObjectProperty<Integer> maxProperty() { return max; }
    public BooleanProperty continueProperty() { return continueRun; }
    public BooleanProperty backfillProperty() { return backfill; }
    public ReadOnlyBooleanProperty runningProperty() { return running; }
    /** 0..1 of the asked pages or threads, whichever is further; -1 (indeterminate) before the first page. */
    public ReadOnlyDoubleProperty progressProperty() { return progress; }
    public ReadOnlyStringProperty stateProperty() { return state; }
    public ObservableList<CoverageSeries> coverage() { return coverage; }

    /** Checks the form and starts the import on the background executor; a bad form only sets the state line. */
    public void start() {
        if (running.get()) return;
        WarosuRequest request;
        try {
            if (continueRun.get() && backfill.get()) throw new IllegalArgumentException("continue or backfill, not both");
            request = new WarosuRequest(blank(search.get()), blank(subject.get()), from.get(), to.get(), pages.get(),
                    max.get() == null ? 0 : max.get(), false);
        } catch (IllegalArgumentException bad) {
            state.set(bad.getMessage());
            return;
        }
        boolean resume = continueRun.get(), older = backfill.get();
        cancelled.set(false);
        running.set(true);
        progress.set(-1);
        state.set("importing…");
        ex.background().execute(() -> {
            String text;
            try {
                WarosuImporter w = importer.get();
                WarosuRequest r = resume ? w.continuing(request) : older ? w.backfilling(request) : request;
                // a site that cannot be reached says so at once, with the attempt and the wait, not after a minute
                Runnable quiet = w.onRetry(n -> ex.fx().execute(() -> state.set(n.describe())));
                WarosuImporter.Result result;
                try {
                    result = w.run(r, resume, (done, stored, oldest) -> ex.fx().execute(() -> {
                        progress.set(fraction(request, done, stored));
                        state.set("page " + done + ": " + stored + " threads" + (oldest == null ? "" : ", back to " + oldest));
                    }), cancelled::get);
                } finally {
                    quiet.run();
                }
                var result2 = result;
                text = "run " + result2.runId() + " " + result2.status() + ": " + result2.threads() + " threads (" + result2.newThreads()
                        + " new), " + result2.thumbnails() + " thumbnails" + (result2.message() == null ? "" : " — " + result2.message());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                text = "interrupted";
            } catch (RuntimeException failure) {
                text = "import failed: " + failure.getMessage();
            }
            String done = text;
            ex.fx().execute(() -> {
                state.set(done);
                progress.set(1);
                running.set(false);
            });
            refreshCoverage();
        });
    }

    /** Stops after the page in flight is committed. */
    public void cancel() {
        if (!running.get()) return;
        cancelled.set(true);
        state.set("cancelling after the page in flight…");
    }

    public void refreshCoverage() {
        ex.background().execute(() -> {
            Coverage c = coverageQuery.get();
            List<CoverageSeries> series = c.sources().stream().map(s -> new CoverageSeries(
                    s.source() + " (" + s.threads() + " threads, " + s.gaps().size() + (s.gaps().size() == 1 ? " gap)" : " gaps)"),
                    s.perDay().entrySet().stream().skip(Math.max(0, s.perDay().size() - CHART_DAYS)).map(e -> Map.entry(e.getKey(), e.getValue())).toList())).toList();
            ex.fx().execute(() -> coverage.setAll(series));
        });
    }

    static double fraction(WarosuRequest r, int pagesDone, int threads) {
        double byThreads = threads / (double) r.max();
        double byPages = r.pages() == null ? 0 : pagesDone / (double) r.pages();
        return Math.min(1, Math.max(byThreads, byPages));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
