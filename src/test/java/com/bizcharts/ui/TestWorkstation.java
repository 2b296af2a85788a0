package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.store.Label;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.ui.common.UiExecutors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine for UI tests: database, images and models under a temp folder (trained models never land in the
 * repository's models/), 4chan and Warosu on loopback servers, fast pacing and no backoff waits.
 */
public final class TestWorkstation {

    private TestWorkstation() {}

    public static Engine engine(Path dir, String fourchanBase, String warosuBase) {
        return engine(dir, fourchanBase, warosuBase, "", "");
    }

    /**
     * @param fourchanLines further keys of the [fourchan] section (a shorter poll interval)
     * @param extraToml     settings appended to the test's file (sections the defaults above do not name)
     */
    public static Engine engine(Path dir, String fourchanBase, String warosuBase, String fourchanLines, String extraToml) {
        try {
            Files.createDirectories(dir.resolve("images"));
            Path config = dir.resolve("settings.toml");
            Files.writeString(config, """
                    [paths]
                    database = "%s"
                    images = "%s"
                    models = "%s"
                    [fourchan]
                    api_base = "%s"
                    images_base = "%s"
                    min_request_interval_ms = 10
                    download_thumbnails = false
                    %s
                    [warosu]
                    base = "%s"
                    images_base = "%s"
                    min_request_interval_ms = 10
                    [backoff]
                    initial_ms = 1
                    max_ms = 2
                    max_attempts = 1
                    """.formatted(slashes(dir.resolve("ui.db")), slashes(dir.resolve("images")), slashes(dir.resolve("models")),
                    fourchanBase, fourchanBase, fourchanLines, warosuBase, warosuBase) + extraToml);
            return new Engine(Settings.load(config, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For tests of the whole window: work on the caller's thread, step by step like {@link UiExecutors#sameThread()},
     * but results from other threads (the live scraper's) still published on the FX thread.
     */
    public static UiExecutors onFxThread() {
        java.util.concurrent.Executor direct = Runnable::run;
        return new UiExecutors(direct, direct, r -> {
            if (javafx.application.Platform.isFxApplicationThread()) r.run();
            else javafx.application.Platform.runLater(r);
        });
    }

    private static final String[][] WORDS = {
            {"dump", "rekt", "crash", "over", "bleeding", "sell", "dead"},
            {"question", "what", "anyone", "thoughts", "where", "how", "general"},
            {"moon", "pump", "wagmi", "green", "send", "lambo", "rally"}};

    /**
     * {@code perClass} labeled posts of each label (bearish, neutral, bullish words), through the engine's
     * repositories. One post in eleven carries another label's verdict, as real labels sometimes do, so an
     * evaluation has mistakes to show; each label still gets {@code perClass} posts when that is a multiple of 12.
     */
    public static void seedLabels(Engine engine, int perClass) {
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        List<ThreadOp> ops = new ArrayList<>();
        for (int i = 0; i < 3 * perClass; i++) {
            String[] w = WORDS[i % 3];
            ops.add(new ThreadOp(1000 + i, "biz", null, null, w[i % 7] + " " + w[(i + 2) % 7] + " " + w[(i + 4) % 7] + " thread " + i,
                    "Anonymous", null, t0.plusSeconds(i), 3, 1, null, null, false, false, ThreadOp.Source.LIVE));
        }
        engine.collecting().threads().upsert(ops, t0);
        for (int i = 0; i < 3 * perClass; i++) {
            int rating = (i % 11 == 5 ? i + 1 : i) % 3 + 1;
            engine.labelling().labels().save(Label.rated(1000 + i, rating, "default", t0.plusSeconds(i), null, null));
        }
    }

    /** The committed /biz/ catalog fixture: a loopback server answers it as {@code /biz/catalog.json}. */
    public static String catalog() {
        try (InputStream in = TestWorkstation.class.getResourceAsStream("/com/bizcharts/collect/live/catalog_biz.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to {@code seconds}) for a condition the FX thread makes true, then for the FX events it queued. */
    public static void waitFor(long seconds, java.util.function.Supplier<Boolean> condition) throws java.util.concurrent.TimeoutException {
        org.testfx.util.WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS, () -> condition.get());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the label with this id. */
    public static String text(org.testfx.api.FxRobot robot, String id) {
        return robot.lookup(id).queryAs(javafx.scene.control.Label.class).getText();
    }

    private static String slashes(Path p) {
        return p.toString().replace("\\", "/");
    }

    /** A loopback 4chan whose catalog is empty: for window tests that never poll for real. */
    public static com.bizcharts.collect.http.LoopbackServer emptyCatalog() {
        return new com.bizcharts.collect.http.LoopbackServer(req -> com.bizcharts.collect.http.LoopbackServer.Reply.of(200, "[{\"page\":1,\"threads\":[]}]"));
    }

    /** The whole window over this engine, with the app's own executors, on the test's stage. */
    public static javafx.scene.Scene show(javafx.stage.Stage stage, Engine engine) {
        javafx.scene.Scene scene = WorkstationApp.build(engine, UiExecutors.forApp());
        stage.setScene(scene);
        stage.show();
        return scene;
    }
}
