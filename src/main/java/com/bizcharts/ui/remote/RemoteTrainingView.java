package com.bizcharts.ui.remote;

import com.bizcharts.app.Engine;
import com.bizcharts.remote.GpuCatalog;
import com.bizcharts.remote.RunPodClient;
import com.bizcharts.ui.common.Palette;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/**
 * Remote training in the Models view: where to train, one Train click, the run's progress and cost, cancel and
 * pull, and our leftover RunPod pods with a sweep. Binds only to {@link RemoteTrainingViewModel}.
 */
public final class RemoteTrainingView {

    private final VBox root = new VBox(10);

    /** The panel over an engine, ready to embed (the Models view calls this); it reattaches to a running run. */
    public static Node create(Engine engine, UiExecutors ex) {
        var vm = new RemoteTrainingViewModel(engine.remote().remoteTrainingJob(), engine.remote().podLauncher(), engine.settings().remote(),
                new HostKeyDialog(), ex, engine.remote().clock());
        vm.open();
        var serving = new TeacherServingViewModel(engine.remote().remoteInference(), engine.remote().remoteTraining().runs(), new HostKeyDialog(),
                engine.settings().remote().serveLocalPort(), ex);
        RemoteTrainingView view = new RemoteTrainingView(vm);
        view.root.getChildren().add(view.root.getChildren().size() - 1, new TeacherServingView(serving).node());
        return view.node();
    }

    public RemoteTrainingView(RemoteTrainingViewModel vm) {
        ToggleGroup where = new ToggleGroup();
        RadioButton ssh = new RadioButton("SSH host");
        RadioButton runpod = new RadioButton("RunPod GPU");
        ssh.setToggleGroup(where);
        runpod.setToggleGroup(where);
        ssh.setId("target-ssh");
        runpod.setId("target-runpod");
        (vm.targetProperty().get() == RemoteTrainingViewModel.Target.SSH ? ssh : runpod).setSelected(true);
        where.selectedToggleProperty().addListener((o, a, t) -> vm.targetProperty().set(
                t == runpod ? RemoteTrainingViewModel.Target.RUNPOD : RemoteTrainingViewModel.Target.SSH));

        TextField host = field("host or IP", vm.hostProperty(), 180);
        host.setId("remote-host");
        Spinner<Integer> port = new Spinner<>(1, 65535, vm.portProperty().get());
        port.setEditable(true);
        port.setPrefWidth(100);
        port.valueProperty().addListener((o, a, p) -> vm.portProperty().set(p));
        TextField user = field("user", vm.userProperty(), 90);
        TextField key = field("private key", vm.keyProperty(), 220);
        HBox sshRow = new HBox(8, new Label("host"), host, new Label("port"), port, new Label("user"), user, new Label("key"), key);
        // the field names keep their width: squeezed, they read "h… p… u… k…"
        sshRow.getChildren().forEach(n -> {
            if (n instanceof Label l) l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        });
        sshRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<GpuCatalog.Gpu> gpu = new ComboBox<>();
        gpu.setId("remote-gpu");
        gpu.getItems().setAll(GpuCatalog.GPUS);
        gpu.valueProperty().bindBidirectional(vm.gpuProperty());
        gpu.setCellFactory(l -> gpuCell());
        gpu.setButtonCell(gpuCell());
        Label quote = new Label();
        quote.setId("remote-quote");
        quote.textProperty().bind(vm.quoteProperty());
        quote.styleProperty().bind(Bindings.when(vm.fitsProperty())
                .then("-fx-text-fill: " + Palette.css(Palette.BULLISH) + ";")
                .otherwise("-fx-text-fill: " + Palette.css(Palette.BEARISH) + ";"));
        HBox podRow = new HBox(8, new Label("GPU"), gpu, quote);
        podRow.setAlignment(Pos.CENTER_LEFT);
        sshRow.visibleProperty().bind(ssh.selectedProperty());
        sshRow.managedProperty().bind(sshRow.visibleProperty());
        podRow.visibleProperty().bind(runpod.selectedProperty());
        podRow.managedProperty().bind(podRow.visibleProperty());

        Button train = new Button("Train remotely");
        train.setId("remote-train");
        train.getStyleClass().add("accent");
        train.disableProperty().bind(vm.canTrainProperty().not());
        train.setOnAction(e -> vm.train());
        Button cancel = new Button("Cancel run");
        cancel.setId("remote-cancel");
        cancel.disableProperty().bind(vm.busyProperty().not().or(vm.runIdProperty().isEmpty()));
        cancel.setOnAction(e -> vm.cancel());
        Button pull = new Button("Pull and evaluate");
        pull.setId("remote-pull");
        pull.disableProperty().bind(vm.busyProperty().or(vm.runStatusProperty().isNotEqualTo("succeeded")
                .and(vm.runStatusProperty().isNotEqualTo("pulled"))));
        pull.setOnAction(e -> vm.pull());

        ProgressBar bar = new ProgressBar();
        bar.setId("remote-progress");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(vm.progressProperty());
        Label progress = bound("remote-progress-text", vm.progressTextProperty());
        Label cost = bound("remote-cost", vm.costProperty());
        Label status = bound("remote-status", vm.statusProperty());
        status.setWrapText(true);

        root.getChildren().addAll(new HBox(12, new Label("Train on"), ssh, runpod), sshRow, podRow,
                new HBox(8, train, cancel, pull), new HBox(10, bar, progress), cost, status, podsTable(vm.pods()));
        root.setPadding(new Insets(8, 0, 0, 0));
        root.setId("remote-training");
    }

    public Node node() {
        return root;
    }

    private static Node podsTable(LeftoverPods pods) {
        TableView<RunPodClient.Pod> table = new TableView<>(pods.list());
        table.setId("remote-pods");
        table.setPrefHeight(120);
        table.setPlaceholder(new Label("no pods of ours"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("pod", 150, RunPodClient.Pod::id));
        table.getColumns().add(column("name", 200, RunPodClient.Pod::name));
        table.getColumns().add(column("state", 90, RunPodClient.Pod::desiredStatus));
        table.getColumns().add(column("GPU", 240, p -> p.gpuTypeId() == null ? "" : p.gpuTypeId()));
        table.getColumns().add(column("$/hour", 80, p -> p.costPerHour() == null ? "" : String.format(Locale.ROOT, "%.2f", p.costPerHour())));
        Button refresh = new Button("Refresh pods");
        refresh.setOnAction(e -> pods.refresh());
        Button sweep = new Button("Sweep (terminate all ours)");
        sweep.setId("remote-sweep");
        sweep.disableProperty().bind(Bindings.isEmpty(pods.list()));
        sweep.setOnAction(e -> pods.sweep());
        Label status = bound("remote-pods-status", pods.statusProperty());
        HBox bar = new HBox(8, new Label("Our RunPod pods"), refresh, sweep, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, bar, table);
        VBox.setVgrow(table, Priority.SOMETIMES);
        return box;
    }

    private static ListCell<GpuCatalog.Gpu> gpuCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(GpuCatalog.Gpu g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : String.format(Locale.ROOT, "%s · %d GB · ~$%.2f/h", g.id(), g.memoryGb(), g.usdPerHour()));
            }
        };
    }

    private static TextField field(String prompt, javafx.beans.property.StringProperty value, double width) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Label bound(String id, javafx.beans.property.StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }
}
