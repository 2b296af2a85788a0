package com.bizcharts.ui.collect;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.live.LiveStatus;
import com.bizcharts.ui.ManualFx;
import com.bizcharts.ui.TestWorkstation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The Collect view's live-scraper state without a screen: a real scraper polling a loopback catalog. */
class CollectViewModelTest {

    @TempDir Path dir;
    private final ManualFx fx = new ManualFx();
    private LoopbackServer fourchan;
    private Engine engine;

    private CollectViewModel viewModel(LoopbackServer.Handler catalogAnswer) {
        fourchan = new LoopbackServer(catalogAnswer);
        engine = TestWorkstation.engine(dir, fourchan.base(), fourchan.base());
        return new CollectViewModel(engine.collecting().liveScraper(), fx.sameThread(), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        if (engine != null) engine.close();
        if (fourchan != null) fourchan.close();
    }

    @Test
    void startShowsTheFirstPollsCountsAndStopReturnsToStopped() {
        String body = TestWorkstation.catalog();
        CollectViewModel vm = viewModel(req -> req.path().equals("/biz/catalog.json") ? Reply.of(200, body) : Reply.of(404, ""));
        assertThat(vm.summaryProperty().get()).isEqualTo("live scraper: stopped · polls 0 · new 0 · updated 0 · errors 0 · last – · next –");
        assertThat(vm.runningProperty().get()).isFalse();

        vm.start();
        assertThat(vm.runningProperty().get()).isTrue();
        fx.runUntil(() -> vm.statusProperty().get().state() == LiveStatus.State.WAITING, Duration.ofSeconds(10));
        LiveStatus s = vm.statusProperty().get();
        assertThat(s.polls()).isEqualTo(1);
        assertThat(s.newThreads()).isPositive();
        assertThat(s.nextPoll()).isAfter(s.lastPoll());
        assertThat(vm.summaryProperty().get()).startsWith("live scraper: waiting · polls 1 · new " + s.newThreads())
                .contains("last " + vm.time(s.lastPoll()), "next " + vm.time(s.nextPoll()));

        vm.stop();    // same-thread background: returns once the scraper has stopped
        fx.runUntil(() -> !vm.runningProperty().get(), Duration.ofSeconds(10));
        assertThat(vm.stoppingProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).startsWith("live scraper: stopped · polls 1 · new " + s.newThreads());
        assertThat(engine.collecting().liveScraper().running()).isFalse();
    }

    @Test
    void aFailingCatalogIsCountedAsAnErrorWithItsMessage() throws Exception {
        CollectViewModel vm = viewModel(req -> Reply.of(500, "<html>down</html>"));
        vm.start();
        fx.runUntil(() -> vm.statusProperty().get().errors() == 1, Duration.ofSeconds(10));
        assertThat(vm.statusProperty().get().state()).isEqualTo(LiveStatus.State.BACKING_OFF);
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).contains("backing off", "errors 1", "500");
        vm.stop();
        fx.runUntil(() -> !vm.runningProperty().get(), Duration.ofSeconds(10));
    }
}
