package com.bizcharts.ui;

import static com.bizcharts.ui.TestWorkstation.text;
import static com.bizcharts.ui.TestWorkstation.waitFor;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.warosu.FakeWarosu;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.ui.common.Palette;
import com.bizcharts.ui.common.UiExecutors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Collect and Models views in the whole window, headless, with the app's own executors (work off the FX thread):
 * the live scraper polls a loopback catalog, Warosu imports from a loopback stand-in, a model is trained from the
 * database's labels and its evaluation grid drawn. Saves collect-light, models-light, evaluation-report-light and
 * models-report-dark to target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class CollectAndModelsUiTest {

    private Engine engine;
    private Scene scene;
    private LoopbackServer fourchan;
    private LoopbackServer warosu;

    @Start
    void start(Stage stage) throws Exception {
        String catalog = TestWorkstation.catalog();
        fourchan = new LoopbackServer(req -> req.path().equals("/biz/catalog.json") ? Reply.of(200, catalog) : Reply.of(404, ""));
        warosu = FakeWarosu.start(60, page -> false);
        engine = TestWorkstation.engine(Files.createTempDirectory("bizcharts-ui2"), fourchan.base(), warosu.base());
        TestWorkstation.seedLabels(engine, 12);
        scene = WorkstationApp.build(engine, UiExecutors.forApp());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        engine.collecting().liveScraper().stop(java.time.Duration.ofSeconds(10));
        WaitForAsyncUtils.waitForFxEvents();
        engine.close();
        fourchan.close();
        warosu.close();
    }



    @Test
    void startingAndStoppingTheLiveScraperUpdatesTheCollectView(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        assertThat(text(robot, "#live-state")).isEqualTo("stopped");
        robot.clickOn("#live-start");
        waitFor(15, () -> text(robot, "#live-state").equals("waiting"));
        assertThat(text(robot, "#live-polls")).isEqualTo("1");
        assertThat(Integer.parseInt(text(robot, "#live-new"))).isPositive();
        assertThat(text(robot, "#live-next-poll")).matches("\\d\\d:\\d\\d:\\d\\d");
        assertThat(robot.lookup("#live-start").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#live-stop").queryButton().isDisabled()).isFalse();

        robot.clickOn("search text").write("coin");
        robot.clickOn("#warosu-start");
        waitFor(30, () -> text(robot, "#warosu-state").startsWith("run "));
        // The live poll recorded its own run first, so the import is run 2.
        assertThat(text(robot, "#warosu-state")).isEqualTo("run 2 completed: 60 threads (60 new), 60 thumbnails");
        waitFor(10, () -> robot.lookup("#coverage-chart").queryAs(javafx.scene.chart.AreaChart.class).getData().size() == 2);
        // a time axis: the days are numbers (days since 1970) in order, labelled as ISO dates
        var axis = (javafx.scene.chart.NumberAxis) robot.lookup("#coverage-chart").queryAs(javafx.scene.chart.AreaChart.class).getXAxis();
        assertThat(axis.getTickLabelFormatter().toString(20_000)).isEqualTo("2024-10-04");
        Screenshots.save(scene, "collect-light");

        robot.clickOn("#live-stop");
        waitFor(15, () -> text(robot, "#live-state").equals("stopped") && !robot.lookup("#live-start").queryButton().isDisabled());
        assertThat(text(robot, "#collect-live-state")).startsWith("live scraper: stopped · polls 1 · new ");
        assertThat(robot.lookup("#live-stop").queryButton().isDisabled()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainingFromTheModelsViewAddsARegistryRowAndTheEvaluationGridRenders(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        TableView<RegisteredModel> table = robot.lookup("#models-table").queryAs(TableView.class);
        // the shipped default is a registered model like any other, active from the first start
        assertThat(table.getItems()).singleElement().satisfies(m -> assertThat(m.active()).isTrue());
        // "Fetch a model…" offers the shipped catalog's models, read off the FX thread
        javafx.scene.control.ComboBox<?> fetchChoice = robot.lookup("#model-fetch-choice").queryAs(javafx.scene.control.ComboBox.class);
        waitFor(10, () -> fetchChoice.getValue() != null);
        assertThat(fetchChoice.getItems()).extracting(Object::toString).anyMatch(c -> c.equals("clip-vit-b32 (onnx-image, at least 88.6 MB)"));
        assertThat(robot.lookup("#model-fetch").queryButton().isDisabled()).isFalse();
        robot.clickOn("#model-train");
        waitFor(60, () -> table.getItems().size() == 2 && text(robot, "#model-train-stage").equals("done"));
        RegisteredModel row = table.getItems().stream().filter(m -> !m.active()).findFirst().orElseThrow();
        assertThat(row.trainingSize()).isEqualTo(36);
        assertThat(row.macroF1()).isNotNull();
        assertThat(text(robot, "#models-message")).startsWith("trained " + row.id() + " on 36 labels");
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(row);

        robot.clickOn("#model-evaluate");
        waitFor(15, () -> robot.lookup("#confusion-grid").tryQuery().isPresent());
        GridPane grid = robot.lookup("#confusion-grid").queryAs(GridPane.class);
        int total = 0;
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                Node cell = robot.lookup("#confusion-" + t + "-" + p).query();
                assertThat(cell.isVisible()).isTrue();
                assertThat(cell.getLayoutBounds().getWidth()).isGreaterThan(50);
                Label count = (Label) ((javafx.scene.layout.VBox) ((javafx.scene.layout.StackPane) cell).getChildren().get(0)).getChildren().get(0);
                total += Integer.parseInt(count.getText());
                Color fill = (Color) cell.getUserData();
                assertThat(fill.getHue()).isCloseTo((t == p ? Palette.AGREEMENT : Palette.MISTAKE).getHue(), org.assertj.core.data.Offset.offset(1.0));
            }
        }
        assertThat(total).isEqualTo(36);
        assertThat(grid.getChildren()).hasSize(3 * 3 + 3 + 3 + 1);
        assertThat(text(robot, "#evaluation-headline")).startsWith("accuracy ").endsWith("36 posts");
        Screenshots.save(scene, "models-light");
        Screenshots.save(robot.lookup("#evaluation-report").query(), "evaluation-report-light");

        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "models-report-dark");
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
