package com.bizcharts.ui.dashboard;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.CoinSentiment;
import com.bizcharts.index.IndexPoint;
import com.bizcharts.ui.common.Palette;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.io.File;
import java.io.IOException;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;

/** The dashboard: the current Fear/Greed value, the index over time (JFreeChart-FX), and the coins of the last bucket. */
public final class DashboardView {

    private final DashboardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Label value = new Label("–");
    private final Label mood = new Label("");
    private final TimeSeries indexSeries = new TimeSeries("Fear/Greed");
    private final JFreeChart chart;

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        TimeSeriesCollection data = new TimeSeriesCollection(indexSeries);
        chart = ChartFactory.createTimeSeriesChart("/biz/ Fear/Greed index", "time (UTC)", "0 fear – 100 greed", data, false, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRangeAxis().setRange(0, 100);
        plot.addRangeMarker(new ValueMarker(50, java.awt.Color.GRAY, new BasicStroke(1f)));
        plot.getRenderer().setSeriesPaint(0, awt(Palette.BULLISH));
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("index-chart");
        viewer.setMinHeight(320);

        value.setId("fear-greed-value");
        value.setStyle("-fx-font-size: 44px; -fx-font-weight: bold;");
        VBox gauge = new VBox(4, new Label("Fear/Greed now"), value, mood);
        gauge.setAlignment(Pos.CENTER);
        gauge.setMinWidth(200);

        ComboBox<Bucket> bucket = new ComboBox<>();
        bucket.getItems().addAll(Bucket.values());
        bucket.valueProperty().bindBidirectional(vm.bucketProperty());
        ComboBox<Integer> days = new ComboBox<>();
        days.getItems().addAll(7, 30, 90, 365);
        days.valueProperty().bindBidirectional(vm.daysProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button export = new Button("Export PNG");
        export.setOnAction(e -> exportPng());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        HBox bar = new HBox(8, new Label("bucket"), bucket, new Label("days"), days, refresh, export, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<CoinSentiment.Row> coins = new TableView<>(vm.coins());
        coins.setId("coin-table");
        coins.getColumns().add(col("coin", CoinSentiment.Row::coin));
        coins.getColumns().add(col("mentions", r -> Integer.toString(r.mentions())));
        coins.getColumns().add(col("sentiment", r -> String.format(Locale.ROOT, "%+.2f", r.sentiment())));
        coins.getColumns().add(col("bullish", r -> Integer.toString(r.bullish())));
        coins.getColumns().add(col("bearish", r -> Integer.toString(r.bearish())));
        coins.getColumns().add(col("change", r -> r.change() == null ? "" : String.format(Locale.ROOT, "%+.2f", r.change())));
        coins.setPrefHeight(220);

        root.setTop(bar);
        root.setCenter(new HBox(16, gauge, viewer));
        HBox.setHgrow(viewer, javafx.scene.layout.Priority.ALWAYS);
        root.setBottom(coins);
        root.setPadding(new Insets(12));
        BorderPane.setMargin(bar, new Insets(0, 0, 8, 0));

        vm.series().addListener((ListChangeListener<IndexPoint>) c -> redraw());
        vm.latestProperty().addListener((o, a, p) -> showLatest(p));
    }

    public Node node() {
        return root;
    }

    private void redraw() {
        indexSeries.clear();
        for (IndexPoint p : vm.series()) {
            if (p.posts() > 0) indexSeries.addOrUpdate(new Millisecond(Date.from(p.bucket())), p.value());
        }
    }

    private void showLatest(IndexPoint p) {
        if (p == null) {
            value.setText("–");
            mood.setText("no data yet");
            return;
        }
        value.setText(String.format(Locale.ROOT, "%.0f", p.value()));
        String word = p.value() < 25 ? "extreme fear" : p.value() < 45 ? "fear" : p.value() <= 55 ? "neutral"
                : p.value() <= 75 ? "greed" : "extreme greed";
        mood.setText(word + (p.sufficient() ? "" : " (few posts)"));
        value.setTextFill(p.value() < 45 ? Palette.BEARISH : p.value() > 55 ? Palette.BULLISH : Palette.NEUTRAL);
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("fear-greed.png");
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f == null) return;
        try {
            ChartUtils.saveChartAsPNG(f, chart, 1200, 600);
        } catch (IOException e) {
            vm.statusProperty().set("could not save " + f + ": " + e.getMessage());
        }
    }

    private static TableColumn<CoinSentiment.Row, String> col(String title, Function<CoinSentiment.Row, String> f) {
        TableColumn<CoinSentiment.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    private static java.awt.Color awt(javafx.scene.paint.Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }
}
