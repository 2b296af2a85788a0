package com.bizcharts.ui.shell;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.live.LiveStatus;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.ui.common.UiExecutors;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * First versions of the Collect and Models views: start/stop of the live scraper with its state, and the model
 * registry with activate and roll back (and the remote training panel). Engine calls run on the background executor.
 */
public final class QuickViews {

    private QuickViews() {}

    public static Node collect(Engine engine, UiExecutors ex) {
        Label state = new Label("live scraper: stopped");
        state.setId("collect-live-state");
        Button start = new Button("Start live scraper");
        start.setId("live-start");
        Button stop = new Button("Stop");
        stop.setId("live-stop");
        stop.setDisable(true);
        engine.liveScraper().addListener(s -> {
            Runnable r = () -> {
                state.setText(describe(s));
                boolean running = s.state() != LiveStatus.State.STOPPED && s.state() != LiveStatus.State.FAILED;
                start.setDisable(running);
                stop.setDisable(!running);
            };
            // The scraper calls from its own thread: hop to the FX thread whatever executors the view was given.
            if (Platform.isFxApplicationThread()) r.run();
            else Platform.runLater(r);
        });
        start.setOnAction(e -> ex.background().execute(engine.liveScraper()::start));
        stop.setOnAction(e -> ex.background().execute(() -> {
            try {
                engine.liveScraper().stop(Duration.ofSeconds(30));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }));
        VBox box = new VBox(12, new HBox(8, start, stop), state, WarosuImportForm.create(engine, ex));
        box.setPadding(new Insets(16));
        return box;
    }

    static String describe(LiveStatus s) {
        return String.format(Locale.ROOT, "live scraper: %s · polls %d · new %d · updated %d · errors %d%s%s",
                s.state().name().toLowerCase(Locale.ROOT), s.polls(), s.newThreads(), s.updatedThreads(), s.errors(),
                s.lastPoll() == null ? "" : " · last " + s.lastPoll(), s.lastError() == null ? "" : " · " + s.lastError());
    }

    public static Node models(Engine engine, UiExecutors ex) {
        TableView<RegisteredModel> table = new TableView<>();
        table.setId("models-table");
        table.getColumns().add(column("id", RegisteredModel::id));
        table.getColumns().add(column("kind", RegisteredModel::kind));
        table.getColumns().add(column("created", RegisteredModel::createdAt));
        table.getColumns().add(column("training size", m -> m.trainingSize() == null ? "" : m.trainingSize().toString()));
        table.getColumns().add(column("accuracy", m -> m.accuracy() == null ? "" : String.format(Locale.ROOT, "%.4f", m.accuracy())));
        table.getColumns().add(column("macro-F1", m -> m.macroF1() == null ? "" : String.format(Locale.ROOT, "%.4f", m.macroF1())));
        table.getColumns().add(column("active", m -> m.active() ? "●" : ""));
        Label message = new Label();
        Runnable refresh = () -> ex.background().execute(() -> {
            List<RegisteredModel> rows = engine.models().list();
            ex.fx().execute(() -> table.getItems().setAll(rows));
        });
        Button activate = new Button("Activate");
        activate.setOnAction(e -> {
            RegisteredModel m = table.getSelectionModel().getSelectedItem();
            if (m == null) return;
            ex.background().execute(() -> {
                try {
                    engine.models().activate(m.id());
                } catch (IllegalArgumentException refused) { // the promotion gate says why (pulled models)
                    ex.fx().execute(() -> message.setText(refused.getMessage()));
                    return;
                }
                ex.fx().execute(() -> message.setText("activated " + m.id()));
                refresh.run();
            });
        });
        Button rollback = new Button("Roll back");
        rollback.setOnAction(e -> ex.background().execute(() -> {
            String text;
            try {
                text = "rolled back to " + engine.models().rollback().id();
            } catch (IllegalArgumentException ex2) {
                text = ex2.getMessage();
            }
            String t = text;
            ex.fx().execute(() -> message.setText(t));
            refresh.run();
        }));
        Button reload = new Button("Refresh");
        reload.setOnAction(e -> refresh.run());
        Label lineage = new Label("select a model to see its lineage");
        lineage.setId("model-lineage");
        lineage.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m == null) return;
            ex.background().execute(() -> {
                String l = engine.models().lineage(m.id());
                ex.fx().execute(() -> lineage.setText("lineage of " + m.id() + ": " + l));
            });
        });
        Button retrain = new Button("Retrain (guarded)");
        retrain.setId("retrain");
        retrain.setOnAction(e -> {
            retrain.setDisable(true);
            message.setText("retraining: human, teacher, pseudo and replayed labels; judged on the golden set…");
            ex.background().execute(() -> {
                String text;
                try {
                    var s = engine.settings().learning();
                    var r = engine.guardedRetrain().run(new com.bizcharts.learn.retrain.GuardedRetrain.Options(
                            s.teacherMinConfidence(), s.usePseudoLabels(), s.replayCapacity(), s.replayShare(), s.goldenFraction(), 42));
                    text = r.candidateId() + ": " + r.reason();
                } catch (RuntimeException ex2) {
                    text = "retrain failed: " + ex2.getMessage();
                }
                String t = text;
                ex.fx().execute(() -> {
                    message.setText(t);
                    retrain.setDisable(false);
                });
                refresh.run();
            });
        });
        Label drift = new Label();
        drift.setId("drift-events");
        drift.setWrapText(true);
        Button checkDrift = new Button("Check drift");
        Runnable showDrift = () -> ex.background().execute(() -> {
            var events = engine.driftWatch().events(false);
            String text = events.isEmpty() ? "no drift events" : events.size() + " drift event(s), retrain suggested: "
                    + String.join("; ", events.stream().limit(3).map(ev -> ev.kind() + " " + ev.detectedAt() + " " + ev.detailJson()).toList());
            ex.fx().execute(() -> drift.setText(text));
        });
        checkDrift.setOnAction(e -> ex.background().execute(() -> {
            try {
                engine.activeModelId().or(() -> java.util.Optional.of(engine.modelLoader().active(engine.models()).id()))
                        .ifPresent(id -> engine.driftWatch().check(id, Duration.ofDays(7)));
            } catch (RuntimeException ex2) {
                ex.fx().execute(() -> drift.setText("drift check failed: " + ex2.getMessage()));
            }
            showDrift.run();
        }));
        refresh.run();
        showDrift.run();
        // Until the Models view (ui/models) embeds it, remote training lives here, folded below the registry.
        javafx.scene.control.TitledPane remote = new javafx.scene.control.TitledPane("Remote training (GPU)",
                com.bizcharts.ui.remote.RemoteTrainingView.create(engine, ex));
        remote.setId("remote-pane");
        VBox box = new VBox(10, new HBox(8, activate, rollback, reload, retrain, checkDrift), table, lineage, message, drift, remote);
        box.setPadding(new Insets(16));
        return box;
    }

    private static TableColumn<RegisteredModel, String> column(String title, Function<RegisteredModel, String> value) {
        TableColumn<RegisteredModel, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }
}
