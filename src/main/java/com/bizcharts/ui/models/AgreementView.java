package com.bizcharts.ui.models;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** Labeler agreement (kappa, alpha, humans vs teacher and model), bound to {@link AgreementViewModel}. */
public final class AgreementView {

    private AgreementView() {}

    public static Node create(AgreementViewModel vm) {
        TextArea text = new TextArea();
        text.setId("agreement-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(7);
        text.textProperty().bind(vm.textProperty());
        Button refresh = new Button("Refresh agreement");
        refresh.setOnAction(e -> vm.refresh());
        return new VBox(6, refresh, text);
    }
}
