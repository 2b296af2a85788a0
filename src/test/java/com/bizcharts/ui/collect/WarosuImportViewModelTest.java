package com.bizcharts.ui.collect;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.warosu.FakeWarosu;
import com.bizcharts.store.Coverage;
import com.bizcharts.ui.ManualFx;
import com.bizcharts.ui.TestWorkstation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.assertj.core.api.Assertions.assertThat;

/** The Warosu form's behaviour without a screen: a real importer against a Warosu stand-in on loopback. */
class WarosuImportViewModelTest {

    @TempDir Path dir;
    private final ManualFx fx = new ManualFx();
    private LoopbackServer warosu;
    private Engine engine;

    private WarosuImportViewModel viewModel(int threads, ManualFx fx, java.util.concurrent.Executor background) {
        warosu = FakeWarosu.start(threads, page -> false);
        engine = TestWorkstation.engine(dir, warosu.base(), warosu.base());
        return new WarosuImportViewModel(engine.collecting()::warosuImporter, () -> Coverage.of(engine.database()),
                background == null ? fx.sameThread() : fx.with(background));
    }

    @AfterEach
    void close() {
        if (engine != null) engine.close();
        if (warosu != null) warosu.close();
    }

    @Test
    void anImportReportsEachPageThenTheResultAndRefreshesTheCoverage() {
        WarosuImportViewModel vm = viewModel(30, fx, null);
        List<String> states = new ArrayList<>();
        vm.stateProperty().addListener((o, was, now) -> states.add(now));
        vm.searchProperty().set("coin");
        vm.start();
        fx.runUntil(() -> !vm.runningProperty().get(), Duration.ofSeconds(20));

        assertThat(states).containsSubsequence("importing…", "page 1: 24 threads, back to 2025-10-19T23:40:00Z",
                "page 2: 30 threads, back to 2025-10-19T17:40:00Z", "run 1 completed: 30 threads (30 new), 30 thumbnails");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.coverage()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("warosu (30 threads, 0 gaps)");
            assertThat(s.days()).extracting(e -> e.getValue()).containsExactly(7, 23);
        });
    }

    @Test
    void anUnreachableSiteSaysSoWithTheAttemptAsItHappens() {
        engine = TestWorkstation.engine(dir, "http://127.0.0.1:9", "http://127.0.0.1:9"); // nothing listens on port 9
        WarosuImportViewModel vm = new WarosuImportViewModel(engine.collecting()::warosuImporter, () -> Coverage.of(engine.database()),
                fx.sameThread());
        List<String> states = new ArrayList<>();
        vm.stateProperty().addListener((o, was, now) -> states.add(now));
        vm.searchProperty().set("coin");
        vm.start();
        fx.runUntil(() -> !vm.runningProperty().get(), Duration.ofSeconds(20));
        assertThat(states).anySatisfy(s -> assertThat(s).matches("connection failed \\(\\w+\\) at 127\\.0\\.0\\.1: attempt 1/1, giving up"));
        assertThat(states.get(states.size() - 1)).contains("failed").contains("connection failed");
    }

    @Test
    void aBadFormSaysWhyAndFetchesNothing() {
        WarosuImportViewModel vm = viewModel(30, fx, null);
        vm.continueProperty().set(true);
        vm.backfillProperty().set(true);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo("continue or backfill, not both");
        vm.backfillProperty().set(false);
        vm.fromProperty().set(LocalDate.parse("2025-10-20"));
        vm.toProperty().set(LocalDate.parse("2025-10-01"));
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo("--from is after --to");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(warosu.seen).isEmpty();
    }

    @Test
    void cancelStopsAfterThePageInFlightAndKeepsWholePages() {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            WarosuImportViewModel vm = viewModel(24 * 6, fx, background);
            vm.searchProperty().set("coin");
            vm.start();
            fx.runUntil(() -> vm.stateProperty().get().startsWith("page 1:"), Duration.ofSeconds(20));
            vm.cancel();
            assertThat(vm.stateProperty().get()).isEqualTo("cancelling after the page in flight…");
            fx.runUntil(() -> !vm.runningProperty().get(), Duration.ofSeconds(20));

            assertThat(vm.stateProperty().get()).matches("run 1 cancelled: (24|48|72|96|120) threads .*");
            int stored = engine.database().read().fetchCount(THREAD_OPS);
            assertThat(stored % 24).isZero();
            assertThat(vm.stateProperty().get()).startsWith("run 1 cancelled: " + stored + " threads");
            // The import's last step refreshes the coverage: let it land before the executor goes.
            fx.runUntil(() -> !vm.coverage().isEmpty(), Duration.ofSeconds(20));
        } finally {
            background.shutdown();
        }
    }
}
