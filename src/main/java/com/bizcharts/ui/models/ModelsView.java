package com.bizcharts.ui.models;

import com.bizcharts.sentiment.scoring.RegisteredModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/**
 * The Models view: the registry table (id, kind, created, training-set size, accuracy, macro-F1, active), its
 * commands, training progress, lineage, drift, and the evaluation report beside it. Further panels (the remote
 * training one) plug in below through {@link #addSection}. Binds to {@link ModelsViewModel}.
 */
public final class ModelsView {

    private final ModelsViewModel vm;
    private final SplitPane root;
    private final VBox sections = new VBox(8);
    /** Held so the binding that shows the report panel is not collected. */
    private final Object reportBinding;

    public ModelsView(ModelsViewModel vm) {
        this.vm = vm;
        sections.setId("models-sections");
        VBox left = new VBox(10, commands(), trainingBar(), table(), labels(), sections);
        left.setPadding(new Insets(16));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        EvaluationReportView report = new EvaluationReportView(vm.evaluationProperty(), vm.evaluationStatusProperty(), vm::closeEvaluation);
        ScrollPane reportScroll = new ScrollPane(report.node());
        reportScroll.setFitToWidth(true);
        root = new SplitPane(leftScroll);
        root.setId("models-view");
        // The report panel takes its share of the width only while a report is open (or being made).
        var showReport = vm.evaluationProperty().isNotNull().or(vm.evaluationStatusProperty().isNotEqualTo(ModelsViewModel.NO_REPORT));
        showReport.addListener((o, was, show) -> {
            if (show && !root.getItems().contains(reportScroll)) {
                root.getItems().add(reportScroll);
                root.setDividerPositions(0.65);
            } else if (!show) {
                root.getItems().remove(reportScroll);
            }
        });
        reportBinding = showReport;
    }

    public Node node() {
        return root;
    }

    /**
     * Adds a collapsible panel below the registry. This is where the remote-training panel
     * ({@code ui.remote.RemoteTrainingView}, one-click training on a rented GPU) is plugged in by the window.
     */
    public void addSection(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setId("section-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
        sections.getChildren().add(pane);
    }

    private Node commands() {
        Button refresh = button("Refresh", "models-refresh", vm::refresh);
        Button activate = button("Activate", "model-activate", vm::activateSelected);
        activate.disableProperty().bind(vm.selectedProperty().isNull());
        Button rollback = button("Roll back", "model-rollback", vm::rollback);
        Button train = button("Train new model", "model-train", vm::train);
        train.disableProperty().bind(vm.trainingProperty());
        Button evaluate = button("Evaluation report", "model-evaluate", vm::openEvaluation);
        evaluate.disableProperty().bind(vm.selectedProperty().isNull());
        Button retrain = button("Retrain (guarded)", "retrain", vm::retrain);
        retrain.disableProperty().bind(vm.retrainingProperty());
        Button drift = button("Check drift", "check-drift", vm::checkDrift);
        // Wraps rather than truncating labels when the report panel takes its share of the width.
        FlowPane box = new FlowPane(8, 8, refresh, activate, rollback, train, evaluate, retrain, drift);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node trainingBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("model-train-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.trainingProgressProperty());
        Label stage = new Label();
        stage.setId("model-train-stage");
        stage.textProperty().bind(vm.trainingStageProperty());
        Button cancel = button("Cancel training", "model-train-cancel", vm::cancelTraining);
        HBox box = new HBox(12, bar, cancel, stage);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.trainingProperty().or(vm.trainingStageProperty().isNotEmpty()));
        box.managedProperty().bind(box.visibleProperty());
        cancel.disableProperty().bind(vm.trainingProperty().not());
        return box;
    }

    private Node table() {
        TableView<RegisteredModel> table = new TableView<>(vm.models());
        table.setId("models-table");
        table.setPrefHeight(260);
        table.setPlaceholder(new Label("no registered models: scoring uses the default model; train one or run 'models register DIR'"));
        table.getColumns().add(column("id", RegisteredModel::id, 175));
        table.getColumns().add(column("kind", RegisteredModel::kind, 85));
        table.getColumns().add(column("created (UTC)", m -> minutes(m.createdAt()), 130));
        table.getColumns().add(column("training set", m -> m.trainingSize() == null ? "" : m.trainingSize().toString(), 95));
        table.getColumns().add(column("accuracy", m -> fmt(m.accuracy()), 75));
        table.getColumns().add(column("macro-F1", m -> fmt(m.macroF1()), 80));
        table.getColumns().add(column("active", m -> m.active() ? "●" : "", 60));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, m) -> {
            if (m != null && !m.equals(vm.selectedProperty().get())) vm.select(m);
        });
        vm.selectedProperty().addListener((o, was, m) -> {
            if (m == null) table.getSelectionModel().clearSelection();
            else if (!m.equals(table.getSelectionModel().getSelectedItem())) table.getSelectionModel().select(m);
        });
        // Replacing the rows (a refresh) clears the table's selection; the view-model's selection survives it.
        vm.models().addListener((javafx.collections.ListChangeListener<RegisteredModel>) c -> {
            RegisteredModel m = vm.selectedProperty().get();
            if (m != null && !m.equals(table.getSelectionModel().getSelectedItem())) table.getSelectionModel().select(m);
        });
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<RegisteredModel>();
            row.setOnMouseClicked(e -> { if (e.getClickCount() == 2 && !row.isEmpty()) vm.openEvaluation(); });
            return row;
        });
        return table;
    }

    private Node labels() {
        Label lineage = label("model-lineage", vm.lineageProperty());
        Label message = label("models-message", vm.messageProperty());
        Label drift = label("drift-events", vm.driftProperty());
        return new VBox(6, lineage, message, drift);
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** "2026-03-01T12:00:05.123Z" as "2026-03-01 12:00". */
    private static String minutes(String iso) {
        return iso == null ? "" : iso.replace('T', ' ').substring(0, Math.min(16, iso.length()));
    }

    private static String fmt(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.4f", d);
    }

    private static TableColumn<RegisteredModel, String> column(String title, Function<RegisteredModel, String> value, double width) {
        TableColumn<RegisteredModel, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        return c;
    }
}
