package com.bizcharts.ui.models;

import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.ui.common.Palette;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.Locale;

/**
 * The confusion matrix drawn as a grid: rows are the true label, columns the predicted one. Each cell shows its
 * count and its share of the row; its colour deepens with that share, blue on the diagonal (right), orange off it
 * (wrong), so where the model goes astray stands out at a glance.
 */
final class ConfusionGrid {

    static final double CELL = 96;

    private ConfusionGrid() {}

    static GridPane of(EvaluationReport report) {
        GridPane grid = new GridPane();
        grid.setId("confusion-grid");
        grid.setHgap(3);
        grid.setVgap(3);
        Label corner = new Label("predicted →\ntrue ↓");
        corner.getStyleClass().add("text-muted");
        grid.add(corner, 0, 0);
        for (SentimentLabel l : SentimentLabel.values()) {
            Label col = header(l);
            GridPane.setHalignment(col, HPos.CENTER);
            grid.add(col, l.index() + 1, 0);
            grid.add(header(l), 0, l.index() + 1);
        }
        int[][] c = report.confusion();
        for (int t = 0; t < 3; t++) {
            int support = report.support(t);
            for (int p = 0; p < 3; p++) grid.add(cell(t, p, c[t][p], support == 0 ? 0 : c[t][p] / (double) support), p + 1, t + 1);
        }
        return grid;
    }

    private static Label header(SentimentLabel l) {
        Label h = new Label(l.word());
        h.setTextFill(Palette.of(l));
        h.setStyle("-fx-font-weight: bold;");
        return h;
    }

    private static StackPane cell(int truth, int predicted, int count, double share) {
        Color base = truth == predicted ? Palette.AGREEMENT : Palette.MISTAKE;
        // A faint tint even at zero keeps the grid readable as a grid.
        Color fill = base.deriveColor(0, 1, 1, 0.08 + 0.87 * share);
        Label n = new Label(Integer.toString(count));
        n.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label pct = new Label(String.format(Locale.ROOT, "%.0f%% of row", 100 * share));
        pct.setStyle("-fx-font-size: 11px;");
        if (share > 0.5) {
            n.setTextFill(Color.WHITE);
            pct.setTextFill(Color.WHITE);
        }
        VBox text = new VBox(0, n, pct);
        text.setAlignment(Pos.CENTER);
        StackPane cell = new StackPane(text);
        cell.setId("confusion-" + truth + "-" + predicted);
        cell.setMinSize(CELL, CELL * 0.72);
        cell.setPrefSize(CELL, CELL * 0.72);
        cell.setStyle("-fx-background-color: " + Palette.css(fill) + "; -fx-background-radius: 4;");
        cell.setUserData(fill);
        return cell;
    }
}
