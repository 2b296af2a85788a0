package com.bizcharts.ui.shell;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.warosu.WarosuImporter;
import com.bizcharts.collect.warosu.WarosuRequest;
import com.bizcharts.store.Coverage;
import com.bizcharts.ui.common.UiExecutors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Warosu import form of the Collect view: search, subject, dates, pages, max, continue, backfill; a progress bar
 * and cancel while it runs (the import commits page by page, so a cancel keeps what was imported); and the covered
 * days per source as a chart.
 */
public final class WarosuImportForm {

    private WarosuImportForm() {}

    public static Node create(Engine engine, UiExecutors ex) {
        TextField search = new TextField();
        search.setPromptText("search text");
        TextField subject = new TextField();
        subject.setPromptText("subject");
        DatePicker from = new DatePicker(), to = new DatePicker();
        from.setPromptText("from");
        to.setPromptText("to");
        Spinner<Integer> pages = new Spinner<>(1, 10_000, 5);
        Spinner<Integer> max = new Spinner<>(1, 100_000, 1000, 100);
        CheckBox continueRun = new CheckBox("continue");
        CheckBox backfill = new CheckBox("backfill");
        Button start = new Button("Import from Warosu");
        start.setId("warosu-start");
        Button cancel = new Button("Cancel");
        cancel.setDisable(true);
        ProgressBar progress = new ProgressBar(0);
        progress.setPrefWidth(240);
        Label state = new Label();
        state.setId("warosu-state");
        CategoryAxis days = new CategoryAxis();
        NumberAxis threads = new NumberAxis();
        BarChart<String, Number> coverage = new BarChart<>(days, threads);
        coverage.setTitle("threads per day, by source");
        coverage.setAnimated(false);
        coverage.setPrefHeight(260);
        coverage.setId("coverage-chart");
        AtomicBoolean cancelled = new AtomicBoolean();

        Runnable showCoverage = () -> ex.background().execute(() -> {
            Coverage c = Coverage.of(engine.database());
            ex.fx().execute(() -> {
                coverage.getData().clear();
                for (Coverage.SourceCoverage s : c.sources()) {
                    XYChart.Series<String, Number> series = new XYChart.Series<>();
                    series.setName(s.source() + " (" + s.gaps().size() + " gaps)");
                    s.perDay().entrySet().stream().skip(Math.max(0, s.perDay().size() - 60))
                            .forEach(e -> series.getData().add(new XYChart.Data<>(e.getKey().toString(), e.getValue())));
                    coverage.getData().add(series);
                }
            });
        });
        start.setOnAction(e -> {
            WarosuRequest request;
            try {
                request = new WarosuRequest(blank(search.getText()), blank(subject.getText()), from.getValue(), to.getValue(),
                        pages.getValue(), max.getValue(), false);
                if (continueRun.isSelected() && backfill.isSelected()) throw new IllegalArgumentException("continue or backfill, not both");
            } catch (IllegalArgumentException bad) {
                state.setText(bad.getMessage());
                return;
            }
            cancelled.set(false);
            start.setDisable(true);
            cancel.setDisable(false);
            progress.setProgress(-1);
            state.setText("importing…");
            WarosuRequest asked = request;
            ex.background().execute(() -> {
                String text;
                try {
                    WarosuImporter importer = engine.warosuImporter();
                    WarosuRequest r = continueRun.isSelected() ? importer.continuing(asked) : backfill.isSelected() ? importer.backfilling(asked) : asked;
                    var result = importer.run(r, continueRun.isSelected(), (done, stored, oldest) -> Platform.runLater(() -> {
                        progress.setProgress(Math.min(1.0, stored / (double) asked.max()));
                        state.setText("page " + done + ": " + stored + " threads" + (oldest == null ? "" : ", back to " + oldest));
                    }), cancelled::get);
                    text = "run " + result.runId() + " " + result.status() + ": " + result.threads() + " threads (" + result.newThreads()
                            + " new), " + result.thumbnails() + " thumbnails" + (result.message() == null ? "" : " — " + result.message());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    text = "interrupted";
                } catch (RuntimeException failure) {
                    text = "import failed: " + failure.getMessage();
                }
                String t = text;
                Platform.runLater(() -> {
                    state.setText(t);
                    progress.setProgress(1);
                    start.setDisable(false);
                    cancel.setDisable(true);
                    showCoverage.run();
                });
            });
        });
        cancel.setOnAction(e -> {
            cancelled.set(true);
            state.setText("cancelling after the page in flight…");
        });
        showCoverage.run();
        VBox box = new VBox(8, new Label("Warosu archive import"),
                new HBox(8, search, subject, from, to),
                new HBox(8, new Label("pages"), pages, new Label("max threads"), max, continueRun, backfill, start, cancel),
                new HBox(8, progress, state), coverage);
        box.setPadding(new Insets(16, 0, 0, 0));
        return box;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
