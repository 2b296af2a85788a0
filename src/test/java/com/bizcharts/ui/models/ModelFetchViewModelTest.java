package com.bizcharts.ui.models;

import com.bizcharts.app.Engine;
import com.bizcharts.sentiment.hub.FakeHub;
import com.bizcharts.sentiment.hub.TinyHubModels;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.ui.ManualFx;
import com.bizcharts.ui.TestWorkstation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** "Fetch a model…" without a screen: a real engine on a temp folder, a loopback Hub, FX updates on the test thread. */
class ModelFetchViewModelTest {

    @TempDir Path dir;
    private final ManualFx fx = new ManualFx();
    private FakeHub hub;
    private Map<String, byte[]> files;
    private Engine engine;
    private final AtomicInteger refreshed = new AtomicInteger();

    @BeforeEach
    void setUp() {
        hub = new FakeHub();
        files = TinyHubModels.publishClip(hub);
        Path catalog = TinyHubModels.writeCatalog(dir.resolve("catalog.toml"), TinyHubModels.clipCatalog(files));
        engine = TestWorkstation.engine(dir, "http://127.0.0.1:9", "http://127.0.0.1:9", "",
                "[models]\nhub_base_url = \"" + hub.base() + "\"\ncatalog = \"" + catalog.toString().replace('\\', '/')
                        + "\"\nrequest_timeout_seconds = 10\n");
    }

    @AfterEach
    void tearDown() {
        engine.close();
        hub.close();
    }

    private ModelFetchViewModel viewModel(com.bizcharts.ui.common.UiExecutors ex) {
        ModelFetchViewModel vm = new ModelFetchViewModel(engine.scoring().modelFetch(), refreshed::incrementAndGet, ex);
        vm.loadCatalog();
        fx.runUntil(() -> vm.chosenProperty().get() != null, Duration.ofSeconds(10));
        return vm;
    }

    @Test
    void theChosenModelIsFetchedWithProgressRegisteredNotActivatedAndTheTableRefreshed() {
        String activeBefore = engine.scoring().activeModel().id();
        ModelFetchViewModel vm = viewModel(fx.sameThread());
        assertThat(vm.choices()).extracting(ModelFetchViewModel.Choice::name).containsExactly("tiny-clip");
        assertThat(vm.chosenProperty().get().toString()).isEqualTo("tiny-clip (onnx-image, at least 0.3 KB)");
        List<String> stages = new ArrayList<>();
        vm.stageProperty().addListener((o, was, now) -> stages.add(now));

        vm.fetchChosen();
        fx.runUntil(() -> !vm.fetchingProperty().get(), Duration.ofSeconds(30));

        assertThat(stages).first().isEqualTo("fetching tiny-clip…");
        assertThat(stages).anyMatch(s -> s.startsWith("[1/4] " + TinyHubModels.VISION))
                .anyMatch(s -> s.startsWith("making head.json")).last().isEqualTo("done");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.resultProperty().get()).startsWith("registered onnx-image-").contains("not active")
                .contains("3 file(s) had no pinned hash").contains("[signals] onnx_image = \"");
        assertThat(refreshed).hasValue(1);
        RegisteredModel fetched = engine.scoring().models().list().stream().filter(m -> m.kind().equals("onnx-image"))
                .findFirst().orElseThrow();
        assertThat(fetched.active()).isFalse();
        assertThat(engine.scoring().activeModel().id()).isEqualTo(activeBefore);
        assertThat(Files.exists(dir.resolve("models").resolve("tiny-clip").resolve("head.json"))).isTrue();
    }

    @Test
    void aFailedFetchSaysWhyAndRefreshesNothing() {
        hub.cutNext("onnx/text_model.onnx", 20);
        ModelFetchViewModel vm = viewModel(fx.sameThread());
        vm.fetchChosen();
        fx.runUntil(() -> !vm.fetchingProperty().get(), Duration.ofSeconds(30));
        assertThat(vm.resultProperty().get()).startsWith("fetch failed: the download of onnx/text_model.onnx")
                .contains("is kept: fetch again to resume");
        assertThat(vm.progressProperty().get()).isZero();
        assertThat(refreshed).hasValue(0);
        assertThat(engine.scoring().models().list()).noneMatch(m -> m.kind().equals("onnx-image"));
    }

    @Test
    void cancelStopsTheFetchOffTheFxThreadAndKeepsWhatArrived() {
        hub.stallNext("onnx/text_model.onnx", 10_000);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            ModelFetchViewModel vm = viewModel(fx.with(background));
            vm.fetchChosen();
            fx.runUntil(() -> vm.stageProperty().get().contains("onnx/text_model.onnx"), Duration.ofSeconds(20));
            vm.cancel();
            assertThat(vm.stageProperty().get()).isEqualTo("cancelling…");
            fx.runUntil(() -> !vm.fetchingProperty().get(), Duration.ofSeconds(20));
            assertThat(vm.resultProperty().get()).startsWith("fetch cancelled");
            assertThat(dir.resolve("models").resolve("tiny-clip").resolve("text_model.onnx.part")).exists();
            assertThat(refreshed).hasValue(0);
        } finally {
            background.shutdownNow();
        }
    }
}
