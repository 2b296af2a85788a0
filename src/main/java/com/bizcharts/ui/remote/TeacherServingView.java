package com.bizcharts.ui.remote;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** One row of the remote-training panel: serve the trained adapter as the teacher, or stop. Binds only to its VM. */
public final class TeacherServingView {

    private final HBox root;

    public TeacherServingView(TeacherServingViewModel vm) {
        Button serve = new Button("Serve as teacher");
        serve.setId("remote-serve");
        serve.disableProperty().bind(vm.busyProperty().or(vm.servingProperty()));
        serve.setOnAction(e -> vm.serve());
        Button stop = new Button("Stop serving");
        stop.setId("remote-serve-stop");
        stop.disableProperty().bind(vm.busyProperty().or(vm.servingProperty().not()));
        stop.setOnAction(e -> vm.stop());
        Label status = new Label();
        status.setId("remote-serve-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        root = new HBox(8, serve, stop, status);
        root.setAlignment(Pos.CENTER_LEFT);
    }

    public Node node() {
        return root;
    }
}
