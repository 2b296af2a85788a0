package com.bizcharts.ui.dashboard;

import com.bizcharts.ui.common.Palette;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

import java.util.List;

/**
 * A table cell drawing a series as a small line: gaps (NaN) are skipped, the line is green when the series ended
 * above where it began and red when below; sentiment sparklines get a faint zero line.
 */
final class SparklineCell<S> extends TableCell<S, List<Double>> {

    private static final double W = 110, H = 22;
    private final boolean zeroLine;

    SparklineCell(boolean zeroLine) {
        this.zeroLine = zeroLine;
        setText(null);
    }

    @Override
    protected void updateItem(List<Double> values, boolean empty) {
        super.updateItem(values, empty);
        if (empty || values == null || values.stream().filter(v -> !v.isNaN()).count() < 2) {
            setGraphic(null);
            setText(empty || values == null || !values.isEmpty() ? null : "–");
            return;
        }
        double min = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(1);
        if (zeroLine) {
            min = Math.min(min, -0.05);
            max = Math.max(max, 0.05);
        }
        double span = max - min == 0 ? 1 : max - min;
        Polyline line = new Polyline();
        double first = Double.NaN, last = Double.NaN;
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (Double.isNaN(v)) continue;
            if (Double.isNaN(first)) first = v;
            last = v;
            line.getPoints().addAll(W * i / Math.max(1, values.size() - 1), H - 2 - (H - 4) * (v - min) / span);
        }
        line.setStroke(last >= first ? Palette.BULLISH : Palette.BEARISH);
        line.setStrokeWidth(1.4);
        Pane pane = new Pane();
        pane.setPrefSize(W, H);
        pane.setMinSize(W, H);
        if (zeroLine) {
            double y = H - 2 - (H - 4) * (0 - min) / span;
            Line zero = new Line(0, y, W, y);
            zero.setStroke(Color.gray(0.5, 0.4));
            pane.getChildren().add(zero);
        }
        pane.getChildren().add(line);
        setGraphic(pane);
        setText(null);
    }
}
