package com.bizcharts.ui.dashboard;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.ExtremesBacktest;
import com.bizcharts.index.IndexPoint;
import com.bizcharts.index.LeadLag;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import com.bizcharts.ui.common.Palette;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboard: the Fear/Greed gauge, the index with a coin's price overlaid, the lead-lag chart, the per-coin table
 * with sparklines, the selected coin's sentiment and price, and the extremes backtest; date range, bucket and price
 * coin pickers; every chart exports to PNG (the button writes them all; right-click a chart for one).
 */
public final class DashboardView {

    private final DashboardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final FearGreedGauge gauge = new FearGreedGauge();
    private final DashboardCharts charts = new DashboardCharts();

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        root.setId("dashboard");
        root.setTop(toolbar());
        TableView<CoinRow> coins = coinTable();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.getColumnConstraints().addAll(percent(20), percent(44), percent(36));
        RowConstraints top = new RowConstraints(), bottom = new RowConstraints();
        top.setPercentHeight(46);
        bottom.setPercentHeight(54);
        grid.getRowConstraints().addAll(top, bottom);
        grid.add(gauge.node(), 0, 0);
        ChartViewer indexViewer = viewer(charts.index, "index-chart");
        indexViewer.getCanvas().setRangeZoomable(false); // 0..100 stays: zoom is in time
        // a click on the index lists the posts behind that bucket
        indexViewer.addChartMouseListener(new org.jfree.chart.fx.interaction.ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {
                if (e.getEntity() instanceof org.jfree.chart.entity.XYItemEntity item) {
                    double x = item.getDataset().getXValue(item.getSeriesIndex(), item.getItem());
                    vm.explain(Instant.ofEpochMilli((long) x));
                }
            }

            @Override
            public void chartMouseMoved(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {}
        });
        grid.add(indexViewer, 1, 0);
        grid.add(viewer(charts.leadLag, "lead-lag-chart"), 2, 0);
        grid.add(coins, 0, 1, 2, 1);
        VBox right = new VBox(6, viewer(charts.coin, "coin-chart"), backtestTable());
        VBox.setVgrow(right.getChildren().get(0), Priority.ALWAYS);
        grid.add(right, 2, 1);
        root.setCenter(grid);
        root.setRight(explainedPanel());
        root.setPadding(new Insets(10));
        BorderPane.setMargin(root.getTop(), new Insets(0, 0, 8, 0));

        vm.series().addListener((ListChangeListener<IndexPoint>) c -> redrawIndex());
        // another range or bucket is a new chart: a zoom into the old one would leave it looking empty
        vm.fromProperty().addListener((o, a, b) -> charts.resetZoom());
        vm.toProperty().addListener((o, a, b) -> charts.resetZoom());
        vm.bucketProperty().addListener((o, a, b) -> charts.resetZoom());
        // A refresh always publishes a new price series, so this also redraws lead-lag when its cells stay empty.
        vm.priceSeriesProperty().addListener((o, a, b) -> {
            redrawIndex();
            charts.showLeadLag(vm.leadLag(), vm.priceCoinProperty().get());
        });
        charts.showLeadLag(vm.leadLag(), vm.priceCoinProperty().get());
        vm.latestProperty().addListener((o, a, p) -> gauge.show(p));
        vm.coinDetailProperty().addListener((o, a, d) -> charts.showCoin(d, vm.series().stream().map(IndexPoint::bucket).toList(), start(), end()));

        vm.leadLag().addListener((ListChangeListener<LeadLag.Cell>) c -> charts.showLeadLag(vm.leadLag(), vm.priceCoinProperty().get()));
        coins.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) vm.selectCoin(row.coin());
        });
    }

    public Node node() {
        return root;
    }

    /** The posts behind the clicked bucket, beside the charts; shown once a point was clicked. */
    private Node explainedPanel() {
        Label title = new Label();
        title.textProperty().bind(vm.explainedTitleProperty());
        title.setWrapText(true);
        title.setId("explained-title");
        javafx.scene.control.ListView<com.bizcharts.index.BucketPost> list = new javafx.scene.control.ListView<>(vm.explained());
        list.setId("explained-posts");
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(com.bizcharts.index.BucketPost p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String text = p.text().replaceAll("\\s+", " ").strip();
                setText(String.format(Locale.ROOT, "%+.2f  %s  No.%d%n%s", p.contribution(), p.verdict(), p.threadId(),
                        text.length() > 120 ? text.substring(0, 119) + "…" : text));
                setTextFill(p.score() > 0 ? Palette.BULLISH : p.score() < 0 ? Palette.BEARISH : Palette.MUTED_TEXT);
                setWrapText(true);
                setTooltip(new javafx.scene.control.Tooltip(p.drivers().isEmpty() ? (p.human() ? "a human label" : "no drivers stored")
                        : String.join("\n", p.drivers())));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button label = new Button("Label these (L)");
        label.setId("label-explained");
        label.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.explained()));
        label.setOnAction(e -> vm.labelExplained());
        Button close = new Button("Close");
        close.setOnAction(e -> {
            vm.explained().clear();
            vm.explainedTitleProperty().set("");
        });
        VBox panel = new VBox(6, title, list, new HBox(6, label, close));
        panel.setPadding(new Insets(0, 0, 0, 10));
        panel.setPrefWidth(320);
        panel.setId("explained");
        var shown = vm.explainedTitleProperty().isNotEmpty();
        panel.visibleProperty().bind(shown);
        panel.managedProperty().bind(shown);
        return panel;
    }

    private javafx.scene.layout.VBox toolbar() {
        DatePicker from = new DatePicker(), to = new DatePicker();
        from.setId("dashboard-from");
        to.setId("dashboard-to");
        from.setConverter(com.bizcharts.ui.common.IsoDates.converter());
        to.setConverter(com.bizcharts.ui.common.IsoDates.converter());
        from.valueProperty().bindBidirectional(vm.fromProperty());
        to.valueProperty().bindBidirectional(vm.toProperty());
        // wide enough for an ISO date beside the calendar button (130 px cut "2026-09-01" to "2026-09-0")
        for (DatePicker p : new DatePicker[]{from, to}) {
            p.setPrefWidth(150);
            p.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        ComboBox<Bucket> bucket = new ComboBox<>();
        bucket.getItems().addAll(Bucket.values());
        bucket.valueProperty().bindBidirectional(vm.bucketProperty());
        ComboBox<String> coin = new ComboBox<>(vm.priceCoins());
        coin.setId("price-coin");
        coin.valueProperty().bindBidirectional(vm.priceCoinProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("dashboard-refresh");
        refresh.setDefaultButton(false);
        refresh.setOnAction(e -> vm.refresh());
        Button export = new Button("Export PNG…");
        export.setOnAction(e -> exportPng());
        Button reset = new Button("Reset zoom");
        reset.setId("reset-zoom");
        reset.setTooltip(new javafx.scene.control.Tooltip("wheel or drag a box to zoom in time, Alt+drag to pan; click a point for its posts"));
        reset.setOnAction(e -> charts.resetZoom());
        Label status = new Label();
        status.setId("dashboard-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        coin.setPrefWidth(100);
        HBox bar = new HBox(8, new Label("from"), from, new Label("to"), to, new Label("bucket"), bucket,
                new Label("price"), coin, refresh, reset, export);
        bar.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.layout.Region r) r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        // The status lines get the window's whole width, below the controls, so they are not cut short.
        Label scoring = new Label();
        scoring.setId("dashboard-scoring");
        scoring.textProperty().bind(vm.scoringProperty());
        scoring.getStyleClass().add("warning");
        scoring.visibleProperty().bind(vm.scoringProperty().isNotEmpty());
        scoring.managedProperty().bind(scoring.visibleProperty());
        status.setWrapText(true);
        scoring.setWrapText(true);
        return new javafx.scene.layout.VBox(4, bar, status, scoring);
    }

    private TableView<CoinRow> coinTable() {
        TableView<CoinRow> t = new TableView<>(vm.coins());
        t.setId("coin-table");
        t.getColumns().add(col("coin", CoinRow::coin, 60));
        t.getColumns().add(col("mentions", r -> Integer.toString(r.mentions()), 95));
        t.getColumns().add(col("avg", r -> String.format(Locale.ROOT, "%+.2f", r.sentiment()), 65));
        t.getColumns().add(col("last", r -> String.format(Locale.ROOT, "%+.2f", r.last()), 65));
        t.getColumns().add(col("Δ", r -> r.change() == null ? "" : String.format(Locale.ROOT, "%+.2f", r.change()), 60));
        t.getColumns().add(col("bull/bear", r -> r.bullish() + "/" + r.bearish(), 95));
        t.getColumns().add(spark("sentiment", CoinRow::sentimentSpark, true));
        t.getColumns().add(spark("price", CoinRow::priceSpark, false));
        t.getColumns().add(col("price Δ", r -> Double.isNaN(r.priceChange()) ? "–" : String.format(Locale.ROOT, "%+.1f%%", 100 * r.priceChange()), 80));
        t.setPlaceholder(new Label("no coin mentions in this range"));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getStyleClass().add("dense");
        return t;
    }

    private TableView<ExtremesBacktest.Result> backtestTable() {
        TableView<ExtremesBacktest.Result> t = new TableView<>(vm.backtests());
        t.setId("backtest-table");
        t.getColumns().add(col("backtest", r -> r.signal() + " " + r.rule().name().toLowerCase(Locale.ROOT), 150));
        t.getColumns().add(col("trades", r -> r.trades().size() + (r.tooFew() ? " few" : ""), 65));
        t.getColumns().add(col("hit", r -> Double.isNaN(r.hitRate()) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * r.hitRate()), 60));
        t.getColumns().add(col("total", r -> pct(r.totalReturn()), 70));
        t.getColumns().add(col("hold", r -> pct(r.buyAndHold()), 70));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getStyleClass().add("dense");
        t.setPrefHeight(170);
        t.setMinHeight(170);
        t.setPlaceholder(new Label("no prices: nothing to backtest"));
        return t;
    }

    private void redrawIndex() {
        charts.showIndex(vm.series(), vm.priceSeriesProperty().get(), start(), end());
    }

    private Instant start() {
        return vm.fromProperty().get() == null ? Instant.EPOCH : vm.fromProperty().get().atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private Instant end() {
        return vm.toProperty().get() == null ? Instant.now() : vm.toProperty().get().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Draws the charts in the window's theme, now and whenever it changes. */
    public void followTheme(javafx.beans.value.ObservableBooleanValue dark) {
        charts.applyTheme(dark.get());
        dark.addListener((o, was, now) -> charts.applyTheme(now));
    }

    /** The charts by file name, for the export. */
    Map<String, JFreeChart> chartsByName() {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        m.put("fear-greed", charts.index);
        m.put("coin-" + (vm.coinDetailProperty().get() == null ? "none" : vm.coinDetailProperty().get().coin()), charts.coin);
        m.put("lead-lag", charts.leadLag);
        return m;
    }

    private void exportPng() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the dashboard's PNG files");
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir == null) return;
        try {
            List<java.nio.file.Path> files = ChartExport.saveAll(chartsByName(), gauge.node(), dir.toPath());
            vm.statusProperty().set("saved " + files.size() + " PNG files to " + dir);
        } catch (IOException e) {
            vm.statusProperty().set("could not save to " + dir + ": " + e.getMessage());
        }
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setMinSize(200, 160);
        return v;
    }

    private static ColumnConstraints percent(double p) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(p);
        return c;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }

    private static <S> TableColumn<S, String> col(String title, Function<S, String> f, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<CoinRow, List<Double>> spark(String title, Function<CoinRow, List<Double>> f, boolean zeroLine) {
        TableColumn<CoinRow, List<Double>> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleObjectProperty<>(f.apply(d.getValue())));
        c.setCellFactory(x -> new SparklineCell<>(zeroLine));
        c.setPrefWidth(125);
        c.setSortable(false);
        return c;
    }
}
