package com.bizcharts.ui.models;

import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.models.ModelEvaluation;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.ui.common.Palette;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The evaluation report panel: what the model was measured on, accuracy and macro-F1, precision/recall/F1 and
 * support per class, and the confusion matrix as a coloured grid. Shows the view-model's current evaluation, or its
 * status line while there is none.
 */
final class EvaluationReportView {

    private final VBox root = new VBox(12);
    private final Label status = new Label();

    EvaluationReportView(ObservableValue<ModelEvaluation> evaluation, ObservableValue<String> statusText, Runnable close) {
        root.setId("evaluation-report");
        root.setPadding(new Insets(12));
        root.setMinWidth(440);
        root.setStyle("-fx-border-color: transparent transparent transparent -color-border-default;");
        status.textProperty().bind(statusText);
        status.setWrapText(true);
        status.getStyleClass().add("text-muted");
        Button closeButton = new Button("Close report");
        closeButton.setId("evaluation-close");
        closeButton.setOnAction(e -> close.run());
        evaluation.addListener((o, was, now) -> show(now, closeButton));
        show(evaluation.getValue(), closeButton);
    }

    Node node() {
        return root;
    }

    private void show(ModelEvaluation e, Button close) {
        Label title = new Label("Evaluation report");
        title.getStyleClass().add("title-3");
        if (e == null) {
            root.getChildren().setAll(title, status);
            return;
        }
        EvaluationReport r = e.report();
        Label model = new Label(e.modelId());
        model.getStyleClass().add("title-4");
        Label basis = new Label(e.basis());
        basis.setWrapText(true);
        basis.getStyleClass().add("text-muted");
        Label headline = new Label(String.format(Locale.ROOT, "accuracy %.4f    macro-F1 %.4f    %d posts", r.accuracy(), r.macroF1(), r.total()));
        headline.setId("evaluation-headline");
        headline.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        Label confusionTitle = new Label("Confusion matrix");
        confusionTitle.getStyleClass().add("title-4");
        root.getChildren().setAll(title, model, basis, headline, perClass(r), confusionTitle, ConfusionGrid.of(r), status, close);
    }

    private static GridPane perClass(EvaluationReport r) {
        GridPane g = new GridPane();
        g.setId("per-class-metrics");
        g.setHgap(18);
        g.setVgap(4);
        String[] heads = {"class", "precision", "recall", "F1", "support"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("text-muted");
            g.add(h, c, 0);
            if (c > 0) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setHalignment(HPos.RIGHT);
                g.getColumnConstraints().add(cc);
            } else {
                g.getColumnConstraints().add(new ColumnConstraints());
            }
        }
        for (SentimentLabel l : SentimentLabel.values()) {
            int k = l.index(), row = k + 1;
            Label name = new Label(l.word());
            name.setTextFill(Palette.of(l));
            name.setStyle("-fx-font-weight: bold;");
            g.add(name, 0, row);
            g.add(new Label(String.format(Locale.ROOT, "%.4f", r.precision(k))), 1, row);
            g.add(new Label(String.format(Locale.ROOT, "%.4f", r.recall(k))), 2, row);
            g.add(new Label(String.format(Locale.ROOT, "%.4f", r.f1(k))), 3, row);
            g.add(new Label(Integer.toString(r.support(k))), 4, row);
        }
        return g;
    }
}
