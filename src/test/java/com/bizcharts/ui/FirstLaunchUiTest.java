package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.index.MarketFixture;
import com.bizcharts.ui.common.UiExecutors;
import com.bizcharts.ui.common.ViewState;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TabPane;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new labeler's first launch, headless: an empty store leads to the three ways in, H opens the guidelines, the
 * dashboard opens on the newest data rather than the clock, and a restart brings back the range, theme and view.
 */
@ExtendWith(ApplicationExtension.class)
class FirstLaunchUiTest {

    private final AtomicInteger catalogRequests = new AtomicInteger();
    private final LoopbackServer fourchan = new LoopbackServer(req -> {
        if (req.path().endsWith("catalog.json")) catalogRequests.incrementAndGet();
        return LoopbackServer.Reply.of(200, "[{\"page\":1,\"threads\":[]}]");
    });
    private Engine engine;
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("bizcharts-first");
        engine = TestWorkstation.engine(dir, fourchan.base(), "http://127.0.0.1:9");
    }

    @AfterEach
    void close() {
        if (engine != null) engine.close();
        fourchan.close();
    }

    private Scene show(ViewState state, FxRobot robot) {
        Scene[] built = new Scene[1];
        robot.interact(() -> {
            built[0] = WorkstationApp.build(engine, UiExecutors.forApp(), state);
            stage.setScene(built[0]);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return built[0];
    }

    @Test
    void anEmptyStoreOffersTheWaysInAndEachLeadsToItsForm(FxRobot robot) throws Exception {
        show(ViewState.inMemory(), robot);
        TestWorkstation.waitFor(10, () -> robot.lookup("#label-empty").query().isVisible());
        assertThat(robot.lookup("#way-labels").tryQuery()).isPresent();

        robot.clickOn("#way-warosu");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot)).isEqualTo("Collect");
        assertThat(robot.lookup("#warosu-start").tryQuery()).isPresent();

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#way-live");
        TestWorkstation.waitFor(10, () -> catalogRequests.get() > 0);
        assertThat(selectedTab(robot)).isEqualTo("Collect");
        assertThat(engine.collecting().liveScraper().running()).isTrue();
    }

    @Test
    void hShowsAndHidesTheGuidelinesBesideTheCard(FxRobot robot) throws Exception {
        Scene scene = show(ViewState.inMemory(), robot);
        assertThat(TestWorkstation.text(robot, "#labeler-status")).isEqualTo("labeler: default");
        TestWorkstation.waitFor(10, () -> TestWorkstation.text(robot, "#model-status").startsWith("model: embedded-"));
        // at 1280x800 the status bar's states are drawn whole, not cut to "model: embe…"
        for (String id : new String[]{"#model-status", "#labeler-status", "#live-status"}) {
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) robot.lookup(id).query().lookup(".text");
            assertThat(drawn.getText()).as(id).isEqualTo(TestWorkstation.text(robot, id));
        }
        Screenshots.save(scene, "first-launch-empty");
        Node panel = robot.lookup("#guidelines").query();
        assertThat(panel.isVisible()).isFalse();
        robot.type(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.isVisible()).isTrue();
        String text = robot.lookup("#guidelines .text-area").queryAs(javafx.scene.control.TextArea.class).getText();
        assertThat(text).contains("HARD CASES").contains("Sarcasm and irony.").contains("bullish").doesNotContain("**");
        robot.type(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.isVisible()).isFalse();
    }

    @Test
    void theDashboardOpensOnTheNewestDataAndARestartRestoresRangeThemeAndView(FxRobot robot) throws Exception {
        // a 2025 archive, imported long after: the clock's last 90 days hold nothing
        MarketFixture.fill(engine.database(), Instant.parse("2025-03-01T00:00:00Z"), 40, true);
        Path stateFile = dir.resolve("workstation-state.properties");
        ViewState first = ViewState.at(stateFile);
        show(first, robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        DatePicker from = robot.lookup("#dashboard-from").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#dashboard-to").queryAs(DatePicker.class);
        TestWorkstation.waitFor(20, () -> LocalDate.of(2025, 4, 9).equals(to.getValue()));
        assertThat(from.getValue()).isEqualTo(LocalDate.of(2025, 4, 9).minusDays(89));
        assertThat(from.getEditor().getText()).isEqualTo(from.getValue().toString()); // ISO, whatever the locale

        robot.interact(() -> {
            from.setValue(LocalDate.of(2025, 3, 10));
            to.setValue(LocalDate.of(2025, 3, 20));
        });
        robot.clickOn("#dashboard-refresh");
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        first.flush(); // as the window does when it closes
        engine.close();

        engine = TestWorkstation.engine(dir, fourchan.base(), "http://127.0.0.1:9");
        Scene again = show(ViewState.at(stateFile), robot);
        assertThat(selectedTab(robot)).isEqualTo("Dashboard");
        DatePicker from2 = robot.lookup("#dashboard-from").queryAs(DatePicker.class);
        assertThat(from2.getValue()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(robot.lookup("#dashboard-to").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        assertThat(again).isNotNull();
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }

    private static String selectedTab(FxRobot robot) {
        return robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText();
    }
}
