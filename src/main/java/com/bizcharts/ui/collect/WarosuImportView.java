package com.bizcharts.ui.collect;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/**
 * The Warosu import form: search, subject, dates, pages, max, continue, backfill; a progress bar and cancel while it
 * runs; the covered days per source as a chart. Binds to {@link WarosuImportViewModel}.
 */
public final class WarosuImportView {

    private final WarosuImportViewModel vm;
    private final VBox root;

    public WarosuImportView(WarosuImportViewModel vm) {
        this.vm = vm;
        Label title = new Label("Warosu archive import");
        title.getStyleClass().add("title-4");
        root = new VBox(10, title, form(), progress(), chart());
    }

    public Node node() {
        return root;
    }

    private Node form() {
        TextField search = new TextField();
        search.setPromptText("search text");
        search.textProperty().bindBidirectional(vm.searchProperty());
        TextField subject = new TextField();
        subject.setPromptText("subject");
        subject.textProperty().bindBidirectional(vm.subjectProperty());
        DatePicker from = new DatePicker(), to = new DatePicker();
        from.setConverter(com.bizcharts.ui.common.IsoDates.converter());
        to.setConverter(com.bizcharts.ui.common.IsoDates.converter());
        from.setPromptText("from");
        to.setPromptText("to");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        to.valueProperty().bindBidirectional(vm.toProperty());
        Spinner<Integer> pages = new Spinner<>(1, 10_000, vm.pagesProperty().get());
        pages.getValueFactory().valueProperty().bindBidirectional(vm.pagesProperty());
        pages.setEditable(true);
        pages.setPrefWidth(90);
        Spinner<Integer> max = new Spinner<>(1, 100_000, vm.maxProperty().get(), 100);
        max.getValueFactory().valueProperty().bindBidirectional(vm.maxProperty());
        max.setEditable(true);
        max.setPrefWidth(110);
        CheckBox continueRun = new CheckBox("continue");
        continueRun.selectedProperty().bindBidirectional(vm.continueProperty());
        CheckBox backfill = new CheckBox("backfill");
        backfill.selectedProperty().bindBidirectional(vm.backfillProperty());
        // The two resume modes exclude each other: ticking one clears the other.
        continueRun.selectedProperty().addListener((o, was, now) -> { if (now) backfill.setSelected(false); });
        backfill.selectedProperty().addListener((o, was, now) -> { if (now) continueRun.setSelected(false); });
        Button start = new Button("Import from Warosu");
        start.setId("warosu-start");
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel");
        cancel.setId("warosu-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        HBox fields = new HBox(8, search, subject, from, to);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox limits = new HBox(8, new Label("pages"), pages, new Label("max threads"), max, continueRun, backfill, start, cancel);
        limits.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, fields, limits);
    }

    private Node progress() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("warosu-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        Label state = new Label();
        state.setId("warosu-state");
        state.textProperty().bind(vm.stateProperty());
        // the whole cause, never cut off: the line wraps, and the tooltip holds it too
        state.setWrapText(true);
        state.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(state, Priority.ALWAYS);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(vm.stateProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        state.setTooltip(whole);
        // the end of an import is said in the window's corner too: the labeler may be on another tab by then
        vm.runningProperty().addListener((o, was, now) -> {
            if (was && !now) {
                String text = vm.stateProperty().get();
                com.bizcharts.ui.common.JobNotice.show(state, "Warosu import", text, !text.startsWith("run ") || text.contains(" failed"));
            }
        });
        HBox box = new HBox(12, bar, state);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node chart() {
        // a time axis (days since 1970, labelled as dates): 2015-05-08 sits ten years from 2025-10-08, not beside it
        NumberAxis days = new NumberAxis();
        days.setLabel("posting day (UTC)");
        days.setForceZeroInRange(false);
        days.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override public String toString(Number n) { return java.time.LocalDate.ofEpochDay(Math.round(n.doubleValue())).toString(); }

            @Override public Number fromString(String s) { return java.time.LocalDate.parse(s).toEpochDay(); }
        });
        NumberAxis threads = new NumberAxis();
        threads.setLabel("threads");
        AreaChart<Number, Number> coverage = new AreaChart<>(days, threads);
        coverage.setTitle("Imported and collected threads per day, by source");
        coverage.setAnimated(false);
        coverage.setCreateSymbols(false);
        coverage.setPrefHeight(300);
        coverage.setId("coverage-chart");
        vm.coverage().addListener((ListChangeListener<WarosuImportViewModel.CoverageSeries>) c -> {
            coverage.getData().clear();
            for (WarosuImportViewModel.CoverageSeries s : vm.coverage()) {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(s.name());
                // a day without threads drops to zero, so a gap reads as a gap and not as a slope between two days
                Map<Long, Integer> perDay = new java.util.TreeMap<>();
                s.days().forEach(d -> perDay.put(d.getKey().toEpochDay(), d.getValue()));
                for (long day : List.copyOf(perDay.keySet())) {
                    perDay.putIfAbsent(day - 1, 0);
                    perDay.putIfAbsent(day + 1, 0);
                }
                perDay.forEach((day, n) -> series.getData().add(new XYChart.Data<>(day, n)));
                coverage.getData().add(series);
            }
        });
        return coverage;
    }
}
