package com.bizcharts.ui.models;

import com.bizcharts.learn.drift.DriftWatch;
import com.bizcharts.learn.models.ModelEvaluation;
import com.bizcharts.learn.models.ModelEvaluations;
import com.bizcharts.learn.models.ModelTrainer;
import com.bizcharts.learn.retrain.GuardedRetrain;
import com.bizcharts.learn.train.TrainingListener;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import com.bizcharts.sentiment.scoring.ActiveModel;

/**
 * The Models view's state and commands: the registry rows, the selected model's lineage, activate and roll back,
 * "Train new model" (database labels, 5-fold cross-validation, registered, not activated) with progress and cancel,
 * the guarded retrain, drift events, and the evaluation report of the selected model. Engine calls run on the
 * background executor; results come back through the FX executor.
 */
public final class ModelsViewModel {

    static final int FOLDS = 5;
    static final long SEED = 20251008L;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final ModelRegistry registry;
    private final ModelTrainer trainer;
    private final Supplier<GuardedRetrain.Outcome> retrain;
    private final DriftWatch driftWatch;
    private final Supplier<String> scoringModelId;
    private final ActiveModel active;
    private final ModelEvaluations evaluations;
    private final UiExecutors ex;

    private final ObservableList<RegisteredModel> models = FXCollections.observableArrayList();
    private final ObjectProperty<RegisteredModel> selected = new SimpleObjectProperty<>();
    private final StringProperty lineage = new SimpleStringProperty("select a model to see its lineage");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty drift = new SimpleStringProperty("");
    private final BooleanProperty training = new SimpleBooleanProperty();
    private final DoubleProperty trainingProgress = new SimpleDoubleProperty();
    private final StringProperty trainingStage = new SimpleStringProperty("");
    private final BooleanProperty retraining = new SimpleBooleanProperty();
    private final ObjectProperty<ModelEvaluation> evaluation = new SimpleObjectProperty<>();
    /** The evaluation status when no report is open or being made: the view hides the report panel then. */
    public static final String NO_REPORT = "select a model and open its evaluation report";
    private final StringProperty evaluationStatus = new SimpleStringProperty(NO_REPORT);
    private final AtomicBoolean cancelTraining = new AtomicBoolean();

    /** @param scoringModelId the model that scores posts now (the active one, else the default), for drift checks */
    public ModelsViewModel(ModelRegistry registry, ActiveModel active, ModelTrainer trainer, Supplier<GuardedRetrain.Outcome> retrain,
                           DriftWatch driftWatch, ModelEvaluations evaluations, UiExecutors ex) {
        this.registry = registry;
        this.active = active;
        this.scoringModelId = active::id;
        this.trainer = trainer;
        this.retrain = retrain;
        this.driftWatch = driftWatch;
        this.evaluations = evaluations;
        this.ex = ex;
    }

    public ObservableList<RegisteredModel> models() { return models; }
    public ObjectProperty<RegisteredModel> selectedProperty() { return selected; }
    public ReadOnlyStringProperty lineageProperty() { return lineage; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ReadOnlyStringProperty driftProperty() { return drift; }
    public ReadOnlyBooleanProperty trainingProperty() { return training; }
    public ReadOnlyDoubleProperty trainingProgressProperty() { return trainingProgress; }
    public ReadOnlyStringProperty trainingStageProperty() { return trainingStage; }
    public ReadOnlyBooleanProperty retrainingProperty() { return retraining; }
    public ReadOnlyObjectProperty<ModelEvaluation> evaluationProperty() { return evaluation; }
    public ReadOnlyStringProperty evaluationStatusProperty() { return evaluationStatus; }

    /** Re-reads the registry, then the drift events. */
    public void refresh() {
        ex.background().execute(() -> {
            active.get(); // the shipped default is registered before the first listing
            List<RegisteredModel> rows = registry.list();
            ex.fx().execute(() -> {
                String keep = selected.get() == null ? null : selected.get().id();
                models.setAll(rows);
                selected.set(rows.stream().filter(m -> m.id().equals(keep)).findFirst().orElse(null));
            });
        });
        showDrift();
    }

    /** Selects a row and loads its lineage. */
    public void select(RegisteredModel m) {
        selected.set(m);
        if (m == null) return;
        ex.background().execute(() -> {
            String l = registry.lineage(m.id());
            ex.fx().execute(() -> lineage.set("lineage of " + m.id() + ": " + readable(l)));
        });
    }

    public void activateSelected() {
        RegisteredModel m = selected.get();
        if (m == null) {
            message.set("select a model to activate");
            return;
        }
        runThenRefresh(() -> {
            active.activate(m.id());
            // through the engine's one active model, so the status bar, the dashboard and the scorer switch now
            return "activated " + m.id() + "; scoring every post with it in the background";
        });
    }

    public void rollback() {
        runThenRefresh(() -> "rolled back to " + active.rollback().id());
    }

    /** Trains a new embedded model from the database's labels; the result is registered and selected. */
    public void train() {
        if (training.get()) return;
        cancelTraining.set(false);
        training.set(true);
        trainingProgress.set(0);
        trainingStage.set("reading the database's labels…");
        message.set("");
        TrainingListener listener = TrainingListener.of(p -> ex.fx().execute(() -> {
            if (!training.get()) return;
            trainingProgress.set(p.fraction());
            trainingStage.set(p.describe());
        }), cancelTraining::get);
        ex.background().execute(() -> {
            String text;
            RegisteredModel trained = null;
            try {
                ModelTrainer.Result r = trainer.train(FOLDS, SEED, listener);
                trained = r.model();
                text = String.format(Locale.ROOT, "trained %s on %d labels in %.1f s%s", r.model().id(), r.posts(),
                        r.took().toMillis() / 1000.0, r.crossValidation() == null ? " — " + r.note()
                                : String.format(Locale.ROOT, ": accuracy %.4f, macro-F1 %.4f (%d-fold cross-validation); registered, not active",
                                r.crossValidation().accuracy(), r.crossValidation().macroF1(), FOLDS));
            } catch (CancellationException c) {
                text = "training cancelled: nothing saved";
            } catch (RuntimeException failure) {
                text = "training failed: " + failure.getMessage();
            }
            String t = text;
            RegisteredModel row = trained;
            ex.fx().execute(() -> {
                training.set(false);
                trainingProgress.set(row == null ? 0 : 1);
                trainingStage.set(row == null ? "" : "done");
                message.set(t);
                if (row != null) select(row);
            });
            refresh();
        });
    }

    /** Stops the training at its next step (a fold or the final fit). */
    public void cancelTraining() {
        if (!training.get()) return;
        cancelTraining.set(true);
        trainingStage.set("cancelling after the step in flight…");
    }

    /** The guarded retrain: judged on the golden set, promoted only if it does not do worse. */
    public void retrain() {
        if (retraining.get()) return;
        retraining.set(true);
        message.set("retraining: human, teacher, pseudo and replayed labels; judged on the golden set…");
        ex.background().execute(() -> {
            String text;
            try {
                GuardedRetrain.Outcome r = retrain.get();
                active.refresh(); // a promotion takes effect at once
                text = r.candidateId() + ": " + r.reason();
            } catch (RuntimeException failure) {
                text = "retrain failed: " + failure.getMessage();
            }
            String t = text;
            ex.fx().execute(() -> {
                message.set(t);
                retraining.set(false);
            });
            refresh();
        });
    }

    public void checkDrift() {
        ex.background().execute(() -> {
            try {
                driftWatch.check(scoringModelId.get(), Duration.ofDays(7));
            } catch (RuntimeException failure) {
                ex.fx().execute(() -> drift.set("drift check failed: " + failure.getMessage()));
                return;
            }
            showDrift();
        });
    }

    private void showDrift() {
        ex.background().execute(() -> {
            var events = driftWatch.events(false);
            String text = events.isEmpty() ? "no drift events" : events.size() + " drift event(s), retrain suggested: "
                    + String.join("; ", events.stream().limit(3).map(e -> e.kind() + " " + e.detectedAt() + " " + e.detailJson()).toList());
            ex.fx().execute(() -> drift.set(text));
        });
    }

    /** Opens the selected model's evaluation report: stored with it, or computed on the labels off the FX thread. */
    public void openEvaluation() {
        RegisteredModel m = selected.get();
        if (m == null) {
            evaluationStatus.set("select a model first");
            return;
        }
        evaluationStatus.set("evaluating " + m.id() + "…");
        ex.background().execute(() -> {
            try {
                ModelEvaluation e = evaluations.of(m.id());
                ex.fx().execute(() -> {
                    evaluation.set(e);
                    evaluationStatus.set("");
                });
            } catch (RuntimeException failure) {
                ex.fx().execute(() -> evaluationStatus.set("no evaluation for " + m.id() + ": " + failure.getMessage()));
            }
        });
    }

    public void closeEvaluation() {
        evaluation.set(null);
        evaluationStatus.set(NO_REPORT);
    }

    /** {"source":"database x.db","sha256":"ab12…","size":36} as "source database x.db · sha256 ab12cd34ef56 · size 36". */
    static String readable(String lineageJson) {
        try {
            var node = JSON.readTree(lineageJson);
            if (!node.isObject() || node.isEmpty()) return "not recorded";
            List<String> parts = new java.util.ArrayList<>();
            node.properties().forEach(e -> {
                String v = e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString();
                parts.add(e.getKey().replace('_', ' ') + " " + (e.getKey().endsWith("sha256") && v.length() > 12 ? v.substring(0, 12) : v));
            });
            return String.join(" · ", parts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return lineageJson;
        }
    }

    private void runThenRefresh(Supplier<String> action) {
        ex.background().execute(() -> {
            String text;
            try {
                text = action.get();
            } catch (IllegalArgumentException failure) {
                text = failure.getMessage();
            }
            String t = text;
            ex.fx().execute(() -> message.set(t));
            refresh();
        });
    }
}
