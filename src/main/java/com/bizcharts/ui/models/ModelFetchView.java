package com.bizcharts.ui.models;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The "Fetch a model…" panel of the Models view: a choice of the catalog's models, Fetch and Cancel, the progress of
 * the file in flight, and what the fetch came to. Binds to {@link ModelFetchViewModel}.
 */
public final class ModelFetchView {

    private final VBox root;

    public ModelFetchView(ModelFetchViewModel vm) {
        ComboBox<ModelFetchViewModel.Choice> choice = new ComboBox<>(vm.choices());
        choice.setId("model-fetch-choice");
        choice.setPromptText("Fetch a model…");
        choice.valueProperty().bindBidirectional(vm.chosenProperty());
        choice.disableProperty().bind(vm.fetchingProperty());
        Button fetch = new Button("Fetch");
        fetch.setId("model-fetch");
        fetch.setOnAction(e -> vm.fetchChosen());
        fetch.disableProperty().bind(vm.fetchingProperty().or(vm.chosenProperty().isNull()));
        Button cancel = new Button("Cancel");
        cancel.setId("model-fetch-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.fetchingProperty().not());
        Label description = new Label();
        description.setId("model-fetch-description");
        description.setWrapText(true);
        description.textProperty().bind(vm.chosenProperty().map(c -> c.description() + " (from " + c.name() + " in the catalog)").orElse(""));

        ProgressBar bar = new ProgressBar();
        bar.setId("model-fetch-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        Label stage = new Label();
        stage.setId("model-fetch-stage");
        stage.textProperty().bind(vm.stageProperty());
        HBox running = new HBox(12, bar, stage);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(vm.fetchingProperty().or(vm.stageProperty().isNotEmpty()));
        running.managedProperty().bind(running.visibleProperty());

        Label result = new Label();
        result.setId("model-fetch-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());

        HBox commands = new HBox(8, choice, fetch, cancel);
        commands.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(8, commands, description, running, result);
        root.setId("model-fetch-panel");
    }

    public Node node() {
        return root;
    }
}
