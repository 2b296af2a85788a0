package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.learn.retrain.GuardedRetrain;
import com.bizcharts.sentiment.scoring.ActiveModel;
import com.bizcharts.ui.common.Throttle;
import com.bizcharts.store.Coverage;
import com.bizcharts.store.labels.LabelProgress;
import com.bizcharts.ui.collect.CollectView;
import com.bizcharts.ui.collect.CollectViewModel;
import com.bizcharts.ui.collect.WarosuImportView;
import com.bizcharts.ui.collect.WarosuImportViewModel;
import com.bizcharts.ui.common.UiExecutors;
import com.bizcharts.ui.common.ViewState;
import com.bizcharts.ui.label.FilterMemory;
import com.bizcharts.ui.label.LabelGuidelines;
import com.bizcharts.ui.label.LabelCards;
import com.bizcharts.ui.label.LabelView;
import com.bizcharts.ui.label.LabelViewModel;
import com.bizcharts.ui.models.ModelFetchView;
import com.bizcharts.ui.models.ModelFetchViewModel;
import com.bizcharts.ui.models.ModelsView;
import com.bizcharts.ui.models.ModelsViewModel;
import com.bizcharts.ui.remote.RemoteTrainingView;
import com.bizcharts.ui.shell.MainWindow;
import com.bizcharts.ui.shell.StatusBar;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** The workstation window: the engine built once, the views bound to it, services stopped on close. */
public final class WorkstationApp extends Application {

    private static volatile CompletableFuture<Engine> opening;
    private static volatile java.nio.file.Path stateFile;
    private Engine engine;
    private RuntimeException openFailure;
    private UiExecutors executors;
    private ViewState state;

    /**
     * Starts opening the engine (settings, database migrations, lexicon) on its own thread, so that at a cold start
     * it overlaps JavaFX's own start instead of following it. Called before {@code Application.launch}.
     */
    public static void openEngineEarly(Supplier<Engine> open) {
        opening = CompletableFuture.supplyAsync(open, r -> Thread.ofPlatform().name("engine-open").start(r));
    }

    /** The engine opened by {@link #openEngineEarly}, or opened now from the default settings. */
    public static Engine awaitEngine() {
        if (opening == null) openEngineEarly(() -> new Engine(Settings.load(Settings.DEFAULT_FILE, false)));
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** Where the window keeps what it remembers between runs (next to the settings); called before launch. */
    public static void keepStateIn(java.nio.file.Path file) {
        stateFile = file;
    }

    @Override
    public void init() {
        try {
            engine = awaitEngine();
        } catch (RuntimeException e) {
            openFailure = e; // said in a dialog once the toolkit runs, not as a stack trace
        }
    }

    @Override
    public void start(Stage stage) {
        if (openFailure != null) {
            var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    openFailure.getMessage() + "\n\nCheck --db and --config (or config/settings.toml) and start again.");
            alert.setHeaderText("The workstation could not open its store");
            alert.showAndWait();
            javafx.application.Platform.exit();
            return;
        }
        state = stateFile == null ? ViewState.inMemory() : ViewState.at(stateFile);
        executors = UiExecutors.forApp();
        Scene scene = build(engine, executors, state, labelerId(engine.settings().labeling().labelerId(), state));
        stage.setScene(scene);
        stage.setTitle("BizCharts Workstation");
        stage.setWidth(Math.max(900, state.number("window.width", 1280)));
        stage.setHeight(Math.max(600, state.number("window.height", 800)));
        stage.setMaximized(state.flag("window.maximized", false));
        stage.setOnHiding(e -> {
            if (!stage.isMaximized()) {
                state.put("window.width", (int) stage.getWidth());
                state.put("window.height", (int) stage.getHeight());
            }
            state.put("window.maximized", stage.isMaximized());
        });
        stage.show();
    }

    /**
     * Who labels: the settings' {@code [labeling] labeler_id} when it was set, else the name given at the first run
     * (asked once, kept in the window state), so two people on one store never label as "default" by accident.
     */
    static String labelerId(String configured, ViewState state) {
        if (!configured.equals("default")) return configured;
        var kept = state.get("labeler.id");
        if (kept.isPresent()) return kept.get();
        var ask = new javafx.scene.control.TextInputDialog(System.getProperty("user.name", "default"));
        ask.setTitle("BizCharts Workstation");
        ask.setHeaderText("Who is labeling?");
        ask.setContentText("Your labeler id (kept for this window; [labeling] labeler_id in the settings fixes it):");
        while (true) {
            var answer = ask.showAndWait().map(String::strip);
            if (answer.isEmpty()) return "default"; // cancelled: this run only, asked again next time
            if (answer.get().matches("[\\w.@-]{1,64}")) {
                state.put("labeler.id", answer.get());
                return answer.get();
            }
            ask.setHeaderText("Letters, digits, '.', '@', '-' or '_' only, up to 64 (e.g. alice or jo.smith): who is labeling?");
        }
    }

    /** Builds the whole window over an engine, remembering nothing between runs (tests, benchmarks). */
    public static Scene build(Engine engine, UiExecutors ex) {
        return build(engine, ex, ViewState.inMemory());
    }

    /** Builds the whole window over an engine; {@code state} is what it restores at start and keeps as it changes. */
    public static Scene build(Engine engine, UiExecutors ex, ViewState state) {
        return build(engine, ex, state, engine.settings().labeling().labelerId());
    }

    /** As above, labeling as {@code labeler}. */
    public static Scene build(Engine engine, UiExecutors ex, ViewState state, String labeler) {
        // The embedded services: scoring what is collected, and following the active model wherever it is changed.
        engine.startServices();
        ActiveModel active = engine.scoring().activeModel();
        StatusBar status = new StatusBar();
        status.showLabeler(labeler);
        ex.background().execute(() -> {
            try {
                String id = active.id();
                ex.fx().execute(() -> status.showModel(id));
            } catch (RuntimeException e) {
                ex.fx().execute(() -> status.showModel("none (" + e.getMessage() + ")"));
            }
        });
        engine.scoring().service().onStatus(status::showScoring);
        var scoring = engine.scoring().service();
        status.onScoringControls(() -> ex.background().execute(scoring::pause), () -> ex.background().execute(scoring::resume),
                () -> ex.background().execute(scoring::cancelPass));
        status.showScoring(engine.scoring().service().status());
        LabelViewModel vm = new LabelViewModel(engine.labelling().labelQueue(), engine.labelling().labels(),
                new LabelCards(engine, labeler, () -> active.get().model()),
                () -> engine.labelling().labelProgress(labeler), labeler,
                engine.settings().labeling().showPrediction(), ex, engine.labelling().clock(), engine.settings().labeling().prefetch());
        vm.setFullImages(engine.collecting()::fullImage);
        vm.filterProperty().set(FilterMemory.restore(state));
        vm.filterProperty().addListener((o, was, now) -> FilterMemory.save(state, now));
        // the empty label view's ways in; the window they switch to is built further down
        var windowRef = new java.util.concurrent.atomic.AtomicReference<MainWindow>();
        var sceneRef = new java.util.concurrent.atomic.AtomicReference<Scene>();
        LabelView labelView = new LabelView(vm, new LabelView.WaysIn(
                () -> {
                    windowRef.get().select(COLLECT_TAB);
                    ex.background().execute(() -> engine.collecting().liveScraper().start());
                },
                () -> windowRef.get().select(COLLECT_TAB),
                () -> com.bizcharts.ui.shell.LabelsMenu.importLabels(engine, labeler, ex, () -> sceneRef.get().getWindow(),
                        text -> status.showJob(text, 1), vm::reload)),
                LabelGuidelines.load(engine.settings().labeling().guidelinesPath()));
        engine.collecting().liveScraper().addListener(status::showLive);
        // New posts join the label queue as they are stored (at most one re-read of the queue every 2 s).
        java.util.Set<Long> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Throttle intake = new Throttle(LIVE_REDRAW, ex.fx(), () -> {
            List<Long> batch = List.copyOf(stored);
            stored.removeAll(batch);
            vm.takeInNewPosts(batch);
        });
        engine.collecting().postChanges().subscribe(ids -> {
            stored.addAll(ids);
            intake.request();
        });
        List<Runnable> onModelChange = new CopyOnWriteArrayList<>();
        onModelChange.add(vm::modelChanged);
        active.subscribe(m -> ex.fx().execute(() -> {
            status.showModel(m.id());
            onModelChange.forEach(Runnable::run);
        }));
        // Views other than Label are built when their tab is first shown (MainWindow), with their first refresh.
        // The dashboard is built later than this line runs; it follows the window's theme through this property.
        javafx.beans.property.BooleanProperty darkTheme = new javafx.beans.property.SimpleBooleanProperty(false);
        var dashboardShown = new java.util.concurrent.atomic.AtomicReference<com.bizcharts.ui.dashboard.DashboardViewModel>();
        MainWindow window = new MainWindow(status,
                new MainWindow.Section("Label", labelView::node),
                new MainWindow.Section("Dashboard", () -> {
                    var dashboardVm = new com.bizcharts.ui.dashboard.DashboardViewModel(engine.analysis().marketAnalysis(), engine.analysis().prices(),
                            active::id, ex, engine.analysis().clock(), state, engine.collecting().threads()::postingSpan);
                    var dashboard = new com.bizcharts.ui.dashboard.DashboardView(dashboardVm);
                    dashboard.followTheme(darkTheme);
                    // Predictions landing redraw it (batched: one redraw every 2 s at most); a model change at once.
                    Throttle redraw = new Throttle(LIVE_REDRAW, ex.fx(), dashboardVm::refreshLive);
                    engine.scoring().service().onScored(scored -> {
                        dashboardVm.scored(scored.threadIds());
                        redraw.request();
                    });
                    engine.scoring().service().onStatus(dashboardVm::showScoring);
                    dashboardVm.showScoring(engine.scoring().service().status());
                    onModelChange.add(dashboardVm::refresh);
                    // "label the posts behind this spike": the clicked bucket's posts become the label queue
                    dashboardVm.onLabelThese(ids -> {
                        vm.labelThese(ids, "behind the clicked point of the index");
                        windowRef.get().select(0);
                    });
                    dashboardShown.set(dashboardVm);
                    dashboardVm.refresh();
                    return dashboard.node();
                }),
                new MainWindow.Section("Collect", () -> collectView(engine, ex).node()),
                new MainWindow.Section("Models", () -> {
                    ModelsViewModel modelsVm = modelsViewModel(engine, ex);
                    ModelsView models = new ModelsView(modelsVm);
                    var fetchVm = new ModelFetchViewModel(engine.scoring().modelFetch(), modelsVm::refresh, ex);
                    models.addSection("Fetch a model (Hugging Face Hub)", new ModelFetchView(fetchVm).node());
                    fetchVm.loadCatalog();
                    models.addSection("Remote training (GPU)", RemoteTrainingView.create(engine, ex));
                    var agreement = new com.bizcharts.ui.models.AgreementViewModel(engine.labelling()::agreement, ex);
                    models.addSection("Labeler agreement", com.bizcharts.ui.models.AgreementView.create(agreement));
                    agreement.refresh();
                    onModelChange.add(modelsVm::refresh);
                    modelsVm.refresh();
                    return models.node();
                }));
        windowRef.set(window);
        darkTheme.bind(window.darkProperty());
        // the theme and the last view come back as they were left
        if (state.flag("window.dark", false)) window.toggleTheme();
        window.darkProperty().addListener((o, was, dark) -> state.put("window.dark", dark));
        int lastView = (int) state.number("window.view", 0);
        window.onSelected(i -> {
            state.put("window.view", i);
            if (i == 0) vm.lookedAway(); // back on the card: its lead time counts from now, not from before the other tab
        });
        // the dashboard redraws for new predictions only while it is on screen, and catches up when shown again
        window.onSelected(i -> {
            var d = dashboardShown.get();
            if (d != null) d.setVisible(i == 1);
        });
        Scene scene = new Scene(window.root(), 1280, 800);
        sceneRef.set(scene);
        window.setMenus(com.bizcharts.ui.shell.LabelsMenu.create(engine, labeler, ex, scene::getWindow,
                text -> {
                    status.showJob(text, 1);
                    com.bizcharts.ui.common.JobNotice.show(status.node(), "Labels", text, text.contains("failed"));
                }, vm::reload, () -> {
                    // closing the window stops the services (Application.stop) as the close button does
                    if (scene.getWindow() != null) scene.getWindow().hide();
                    javafx.application.Platform.exit();
                }));
        if (lastView > 0) window.select(lastView);
        window.installShortcuts(scene);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (window.selectedIndex() == 0 && !e.isShortcutDown()) labelView.onKey(e);
            // on the dashboard, L labels the posts behind the clicked point
            var d = dashboardShown.get();
            if (window.selectedIndex() == 1 && d != null && e.getCode() == javafx.scene.input.KeyCode.L && !e.isShortcutDown()
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl) && !d.explained().isEmpty()) {
                d.labelExplained();
                e.consume();
            }
        });
        vm.reload();
        return scene;
    }

    private static final int COLLECT_TAB = 2;

    /** How often, at most, a view redraws for data that keeps arriving (Sparrow batches its updates the same way). */
    private static final Duration LIVE_REDRAW = Duration.ofSeconds(2);

    private static CollectView collectView(Engine engine, UiExecutors ex) {
        var warosu = new WarosuImportViewModel(engine.collecting()::warosuImporter, engine.collecting()::coverage, ex);
        warosu.refreshCoverage();
        return new CollectView(new CollectViewModel(engine.collecting().liveScraper(), ex, ZoneOffset.UTC), new WarosuImportView(warosu));
    }

    private static ModelsViewModel modelsViewModel(Engine engine, UiExecutors ex) {
        var l = engine.settings().learning();
        return new ModelsViewModel(engine.scoring().models(), engine.scoring().activeModel(), engine.training().modelTrainer(),
                () -> engine.training().guardedRetrain().run(new GuardedRetrain.Options(l.teacherMinConfidence(), l.usePseudoLabels(),
                        l.replayCapacity(), l.replayShare(), l.goldenFraction(), 42)),
                engine.training().driftWatch(), engine.training().modelEvaluations(), ex);
    }

    @Override
    public void stop() {
        // a rating typed just before Ctrl+Q is still on the writer: let it land before the database closes
        if (executors != null && executors.writer() instanceof java.util.concurrent.ExecutorService writer) {
            writer.shutdown();
            try {
                writer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state != null) state.flush();
        if (engine != null) engine.close(); // stops the live scraper after its write in flight, then closes the database
    }
}
