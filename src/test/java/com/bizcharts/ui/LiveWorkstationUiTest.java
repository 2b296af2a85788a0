package com.bizcharts.ui;

import static com.bizcharts.ui.TestWorkstation.text;
import static com.bizcharts.ui.TestWorkstation.waitFor;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.ui.common.UiExecutors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline live, end to end, in the whole window with the app's own executors: the live scraper polls a
 * loopback catalog that gains a thread on every poll; the posts reach the dashboard and the label queue without
 * Refresh or Apply; activating another model in the Models view switches the status bar and the dashboard to it,
 * and its predictions fill in.
 */
@ExtendWith(ApplicationExtension.class)
class LiveWorkstationUiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POSTS = Pattern.compile("· (\\d+) posts ·");

    private Engine engine;
    private Path dir;
    private LoopbackServer fourchan;
    private final AtomicInteger polls = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        fourchan = new LoopbackServer(req -> req.path().equals("/biz/catalog.json")
                ? Reply.of(200, catalog(polls.incrementAndGet())) : Reply.of(404, ""));
        dir = Files.createTempDirectory("bizcharts-live-ui");
        engine = TestWorkstation.engine(dir, fourchan.base(), "http://127.0.0.1:9", "poll_interval_seconds = 1", "");
        Scene scene = WorkstationApp.build(engine, UiExecutors.forApp());
        stage.setScene(scene);
        stage.show();
    }

    /** A catalog of {@code n} threads posted in the last minutes: one more on every poll. */
    private static String catalog(int n) {
        ArrayNode threads = JSON.createArrayNode();
        long now = Instant.now().getEpochSecond();
        String[] words = {"wagmi we are so back, moon", "it's over, rekt, dumping my bags", "green candles lfg pump it"};
        for (int i = 0; i < n; i++) {
            ObjectNode t = threads.addObject();
            t.put("no", 70_000_000 + i).put("time", now - 60L * (n - i)).put("name", "Anonymous")
                    .put("sub", "thread " + i).put("com", words[i % 3] + " " + i).put("replies", i).put("images", 0);
        }
        ArrayNode pages = JSON.createArrayNode();
        pages.addObject().put("page", 1).set("threads", threads);
        return pages.toString();
    }

    @AfterEach
    void close() throws Exception {
        engine.collecting().liveScraper().stop(java.time.Duration.ofSeconds(10));
        WaitForAsyncUtils.waitForFxEvents();
        engine.close();
        fourchan.close();
    }



    private static int dashboardPosts(FxRobot robot) {
        Matcher m = POSTS.matcher(text(robot, "#dashboard-status"));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    @SuppressWarnings("unchecked")
    void collectedPostsReachTheDashboardAndTheQueueAndAnActivationSwitchesEverything(FxRobot robot) throws Exception {
        waitFor(10, () -> text(robot, "#model-status").startsWith("model: embedded-"));
        String shipped = engine.scoring().activeModel().id();
        waitFor(10, () -> text(robot, "#status").equals("nothing to label with these filters"));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        // an empty store says what to do rather than "0 posts"
        waitFor(15, () -> text(robot, "#dashboard-status").startsWith("no posts stored yet: start the live scraper"));

        engine.collecting().liveScraper().start();
        // no Refresh, no Apply: the posts are scored as they are stored and the views take them in
        waitFor(30, () -> dashboardPosts(robot) >= 3);
        assertThat(text(robot, "#dashboard-status")).startsWith("model " + shipped);
        assertThat(text(robot, "#scoring-status")).contains(shipped);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitFor(15, () -> !text(robot, "#post-meta").isBlank());
        assertThat(text(robot, "#post-meta")).contains("70000");

        // another model, activated from the Models view, takes over the status bar and the dashboard at once
        EmbeddedModel other = trainOther();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        TableView<RegisteredModel> table = robot.lookup("#models-table").queryAs(TableView.class);
        waitFor(15, () -> table.getItems().size() == 2);
        RegisteredModel row = table.getItems().stream().filter(m -> m.id().equals(other.metadata().id())).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(row));
        robot.clickOn("#model-activate");
        waitFor(10, () -> text(robot, "#model-status").equals("model: " + engine.scoring().activeModel().id())
                && engine.scoring().activeModel().id().startsWith(other.metadata().id()));
        String now = engine.scoring().activeModel().id();

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitFor(30, () -> text(robot, "#dashboard-status").startsWith("model " + now) && dashboardPosts(robot) >= 3);
        assertThat(engine.scoring().predictions().count(now)).isPositive();
    }

    private EmbeddedModel trainOther() {
        EmbeddedModel m = com.bizcharts.learn.FixtureModels.train(engine.scoring().signals(), dir, 9);
        Path saved = dir.resolve("other-model");
        EmbeddedModelFormat.save(m, saved);
        engine.scoring().models().register(m.metadata(), saved.toString());
        return m;
    }
}
