package com.bizcharts.ui.dashboard;

import com.bizcharts.index.FearGreedIndex;
import com.bizcharts.index.IndexPoint;
import com.bizcharts.ui.common.Palette;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;

import java.util.Locale;

/**
 * The Fear/Greed gauge: a half dial from 0 (left, extreme fear) to 100 (right, extreme greed) in five zones, a
 * needle at the current value, the value and its word beneath. Colours come from the palette's tokens.
 */
final class FearGreedGauge {

    private static final double W = 220, R = 88, CX = W / 2, CY = 104, BAND = 16;

    private final VBox root = new VBox(2);
    private final Line needle = new Line(CX, CY, CX, CY - R + BAND);
    private final Label value = new Label("–");
    private final Label mood = new Label("no posts in this range");

    FearGreedGauge() {
        Pane dial = new Pane();
        dial.setMinSize(W, CY + 10);
        dial.setPrefSize(W, CY + 10);
        double[][] zones = {{0, FearGreedIndex.EXTREME_FEAR}, {FearGreedIndex.EXTREME_FEAR, 45}, {45, 55}, {55, FearGreedIndex.EXTREME_GREED},
                {FearGreedIndex.EXTREME_GREED, 100}};
        Color[] colours = {Palette.BEARISH, Palette.BEARISH.interpolate(Palette.NEUTRAL, 0.55), Palette.NEUTRAL,
                Palette.BULLISH.interpolate(Palette.NEUTRAL, 0.55), Palette.BULLISH};
        for (int i = 0; i < zones.length; i++) {
            Arc arc = new Arc(CX, CY, R, R, 180 - 1.8 * zones[i][1], 1.8 * (zones[i][1] - zones[i][0]));
            arc.setType(ArcType.OPEN);
            arc.setFill(null);
            arc.setStroke(colours[i]);
            arc.setStrokeWidth(BAND);
            arc.setStrokeLineCap(StrokeLineCap.BUTT);
            dial.getChildren().add(arc);
        }
        needle.setStrokeWidth(3);
        needle.setStrokeLineCap(StrokeLineCap.ROUND);
        needle.getStyleClass().add("gauge-needle");
        needle.setStroke(Palette.NEUTRAL.darker());
        Circle hub = new Circle(CX, CY, 6, Palette.NEUTRAL.darker());
        dial.getChildren().addAll(needle, hub);
        value.setId("fear-greed-value");
        value.setStyle("-fx-font-size: 40px; -fx-font-weight: bold;");
        mood.setId("fear-greed-mood");
        Label title = new Label("Fear/Greed now");
        title.getStyleClass().add("muted");
        root.getChildren().addAll(title, dial, value, mood);
        root.setAlignment(Pos.TOP_CENTER);
        root.setMinWidth(W + 10);
        root.setId("fear-greed-gauge");
    }

    Node node() {
        return root;
    }

    void show(IndexPoint p) {
        if (p == null) {
            value.setText("–");
            mood.setText("no posts in this range");
            value.setTextFill(Palette.NEUTRAL);
            pointAt(50);
            return;
        }
        value.setText(String.format(Locale.ROOT, "%.0f", p.value()));
        mood.setText(FearGreedIndex.mood(p.value()) + (p.sufficient() ? "" : " (few posts)"));
        Color c = p.value() < 45 ? Palette.BEARISH : p.value() > 55 ? Palette.BULLISH : Palette.NEUTRAL;
        value.setTextFill(c);
        pointAt(p.value());
    }

    private void pointAt(double v) {
        double theta = Math.toRadians(180 - 1.8 * Math.max(0, Math.min(100, v)));
        double len = R - BAND;
        needle.setEndX(CX + len * Math.cos(theta));
        needle.setEndY(CY - len * Math.sin(theta));
    }
}
