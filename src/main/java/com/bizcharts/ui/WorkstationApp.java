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
import com.bizcharts.ui.label.LabelCards;
import com.bizcharts.ui.label.LabelView;
import com.bizcharts.ui.label.LabelViewModel;
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
    private Engine engine;

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

    @Override
    public void init() {
        engine = awaitEngine();
    }

    @Override
    public void start(Stage stage) {
        Scene scene = build(engine, UiExecutors.forApp());
        stage.setScene(scene);
        stage.setTitle("BizCharts Workstation");
        stage.show();
    }

    /** Builds the whole window over an engine; tests call it with their own engine and executors. */
    public static Scene build(Engine engine, UiExecutors ex) {
        String labeler = engine.settings().labeling().labelerId();
        // The embedded services: scoring what is collected, and following the active model wherever it is changed.
        engine.startServices();
        ActiveModel active = engine.scoring().activeModel();
        StatusBar status = new StatusBar();
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
        LabelView labelView = new LabelView(vm);
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
                            active::id, ex, engine.analysis().clock());
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
                    dashboardShown.set(dashboardVm);
                    dashboardVm.refresh();
                    return dashboard.node();
                }),
                new MainWindow.Section("Collect", () -> collectView(engine, ex).node()),
                new MainWindow.Section("Models", () -> {
                    ModelsViewModel modelsVm = modelsViewModel(engine, ex);
                    ModelsView models = new ModelsView(modelsVm);
                    models.addSection("Remote training (GPU)", RemoteTrainingView.create(engine, ex));
                    onModelChange.add(modelsVm::refresh);
                    modelsVm.refresh();
                    return models.node();
                }));
        darkTheme.bind(window.darkProperty());
        // the dashboard redraws for new predictions only while it is on screen, and catches up when shown again
        window.onSelected(i -> {
            var d = dashboardShown.get();
            if (d != null) d.setVisible(i == 1);
        });
        Scene scene = new Scene(window.root(), 1280, 800);
        window.setMenus(com.bizcharts.ui.shell.LabelsMenu.create(engine, ex, scene::getWindow,
                text -> status.showJob(text, 1), vm::reload));
        window.installShortcuts(scene);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (window.selectedIndex() == 0 && !e.isShortcutDown()) labelView.onKey(e);
        });
        vm.reload();
        return scene;
    }

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
        engine.close(); // stops the live scraper after its write in flight, then closes the database
    }
}
