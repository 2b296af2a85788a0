package com.bizcharts.ui.models;

import com.bizcharts.app.Engine;
import com.bizcharts.learn.retrain.GuardedRetrain;
import com.bizcharts.ui.ManualFx;
import com.bizcharts.ui.TestWorkstation;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.ui.common.UiExecutors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Models view's behaviour without a screen: a real engine on a temp database, same-thread executors. */
class ModelsViewModelTest {

    @TempDir Path dir;
    private final ManualFx fx = new ManualFx();
    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = TestWorkstation.engine(dir, "http://127.0.0.1:9", "http://127.0.0.1:9");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private ModelsViewModel viewModel(UiExecutors ex) {
        return new ModelsViewModel(engine.scoring().models(), engine.scoring().activeModel(), engine.training().modelTrainer(),
                () -> engine.training().guardedRetrain().run(new GuardedRetrain.Options(0.8, false, 2000, 0.3, 0.2, 42)),
                engine.training().driftWatch(), engine.training().modelEvaluations(), ex);
    }

    @Test
    void trainingShowsProgressRegistersTheModelSelectsItAndItsReportOpens() {
        TestWorkstation.seedLabels(engine, 12);
        ModelsViewModel vm = viewModel(fx.sameThread());
        List<String> stages = new ArrayList<>();
        vm.trainingStageProperty().addListener((o, was, now) -> stages.add(now));
        vm.train();
        fx.runUntil(() -> !vm.trainingProperty().get(), Duration.ofSeconds(60));

        assertThat(stages).containsSubsequence("reading the database's labels…", "cross-validation fold 1/5: features",
                "cross-validation fold 1/5: calibration fold 1/5", "cross-validation fold 5/5: done", "final model: text model", "done");
        // beside the shipped default, which is registered and active from the start
        String shipped = engine.scoring().activeModel().id();
        assertThat(vm.models()).hasSize(2).filteredOn(m -> !m.id().equals(shipped)).singleElement().satisfies(m -> {
            assertThat(m.trainingSize()).isEqualTo(36);
            assertThat(m.accuracy()).isNotNull();
            assertThat(m.active()).isFalse();
        });
        String id = vm.models().stream().filter(m -> !m.id().equals(shipped)).findFirst().orElseThrow().id();
        assertThat(vm.messageProperty().get()).startsWith("trained " + id + " on 36 labels in ")
                .contains("(5-fold cross-validation); registered, not active");
        assertThat(vm.selectedProperty().get().id()).isEqualTo(id);
        assertThat(vm.lineageProperty().get()).startsWith("lineage of " + id + ": source database ").contains(" · size 36 · with images 0");
        assertThat(vm.trainingProgressProperty().get()).isEqualTo(1.0);
        assertThat(Files.isDirectory(dir.resolve("models").resolve(id))).isTrue();

        vm.openEvaluation();
        fx.drain();
        assertThat(vm.evaluationProperty().get().report().total()).isEqualTo(36);
        assertThat(vm.evaluationProperty().get().basis()).isEqualTo("5-fold cross-validation on 36 database labels");

        vm.activateSelected();
        fx.drain();
        assertThat(vm.messageProperty().get()).isEqualTo("activated " + id + "; scoring every post with it in the background");
        assertThat(vm.models()).filteredOn(RegisteredModel::active).singleElement().extracting(RegisteredModel::id).isEqualTo(id);
        assertThat(engine.scoring().activeModel().id()).isEqualTo(id); // the engine's one active model switched at once
        vm.rollback();
        fx.drain();
        assertThat(vm.messageProperty().get()).isEqualTo("rolled back to " + shipped);
        assertThat(engine.scoring().activeModel().id()).isEqualTo(shipped);
        vm.rollback(); // roll back undoes the last activation, so twice is where it started
        fx.drain();
        assertThat(vm.messageProperty().get()).isEqualTo("rolled back to " + id);
    }

    @Test
    void cancellingTrainingStopsAtTheNextStepAndSavesNothing() {
        TestWorkstation.seedLabels(engine, 12);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            ModelsViewModel vm = viewModel(fx.with(background));
            vm.train();
            fx.runUntil(() -> vm.trainingStageProperty().get().startsWith("cross-validation fold 2/5"), Duration.ofSeconds(60));
            vm.cancelTraining();
            fx.runUntil(() -> !vm.trainingProperty().get(), Duration.ofSeconds(60));
            assertThat(vm.messageProperty().get()).isEqualTo("training cancelled: nothing saved");
            assertThat(vm.models()).noneMatch(m -> m.trainingSize() != null && m.trainingSize() == 36);
            assertThat(engine.scoring().models().list()).allMatch(RegisteredModel::active); // the shipped default at most
            assertThat(dir.resolve("models")).doesNotExist();
            // Training ends with a refresh (registry, then drift events): let it land before the executor goes.
            fx.runUntil(() -> vm.driftProperty().get().equals("no drift events"), Duration.ofSeconds(20));
        } finally {
            background.shutdown();
        }
    }

    @Test
    void lineageReadsAsWordsWithShortHashes() {
        assertThat(ModelsViewModel.readable("{\"human\":96,\"training_sha256\":\"0123456789abcdef\",\"parent\":\"embedded-1\"}"))
                .isEqualTo("human 96 · training sha256 0123456789ab · parent embedded-1");
        assertThat(ModelsViewModel.readable("{}")).isEqualTo("not recorded");
    }

    @Test
    void failuresAreSaidInTheMessageLine() {
        ModelsViewModel vm = viewModel(fx.sameThread());
        vm.train();
        fx.drain();
        assertThat(vm.messageProperty().get()).isEqualTo("training failed: no labels in the database to train on (label posts first, or use --data)");
        assertThat(vm.trainingProperty().get()).isFalse();
        vm.retrain();
        fx.drain();
        assertThat(vm.messageProperty().get()).startsWith("retrain failed: need at least " + com.bizcharts.learn.retrain.UnseenGolden.MINIMUM + " golden human labels");
        vm.openEvaluation();
        assertThat(vm.evaluationStatusProperty().get()).isEqualTo("select a model first");
        vm.checkDrift();
        fx.drain();
        assertThat(vm.driftProperty().get()).isEqualTo("no drift events");
    }
}
