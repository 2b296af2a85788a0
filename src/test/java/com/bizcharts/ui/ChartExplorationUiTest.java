package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.index.BucketPost;
import com.bizcharts.index.MarketFixture;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
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
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chart exploration, headless: lines break where the data has gaps, a click on a point of the index lists the
 * posts behind it, L makes them the label queue, and the zoom resets.
 */
@ExtendWith(ApplicationExtension.class)
class ChartExplorationUiTest {

    private final LoopbackServer fourchan = TestWorkstation.emptyCatalog();
    private Engine engine;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("bizcharts-explore");
        engine = TestWorkstation.engine(dir, fourchan.base(), "http://127.0.0.1:9");
        MarketFixture.fill(engine.database(), Instant.parse("2025-03-01T00:00:00Z"), 40, true);
        TestWorkstation.show(stage, engine);
    }

    @AfterEach
    void close() {
        engine.close();
        fourchan.close();
    }

    @Test
    void aClickedPointListsItsPostsAndLSendsThemToTheLabelView(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        TestWorkstation.waitFor(20, () -> TestWorkstation.text(robot, "#dashboard-status").startsWith("model "));
        ChartViewer viewer = robot.lookup("#index-chart").queryAs(ChartViewer.class);
        XYPlot plot = viewer.getChart().getXYPlot();

        // the newest 90 days of data start 50 days before the first post: those buckets are gaps (no value), not 50s
        var index = plot.getDataset(0);
        int gaps = 0;
        for (int i = 0; i < index.getItemCount(0); i++) if (Double.isNaN(index.getYValue(0, i))) gaps++;
        assertThat(gaps).isEqualTo(50);

        @SuppressWarnings("unchecked")
        ListView<BucketPost> posts = robot.lookup("#explained-posts").queryAs(ListView.class);
        LocalDate day = null;
        // the chart may redraw (prices arriving) between finding a point and clicking it: try again on a fresh drawing
        for (int attempt = 0; attempt < 3 && posts.getItems().size() != MarketFixture.POSTS_PER_DAY; attempt++) {
            WaitForAsyncUtils.waitForFxEvents();
            XYItemEntity point = null;
            for (Object e : viewer.getCanvas().getRenderingInfo().getEntityCollection().getEntities()) {
                if (e instanceof XYItemEntity item && item.getDataset() == index && !Double.isNaN(index.getYValue(0, item.getItem()))) {
                    point = item;
                    break;
                }
            }
            assertThat(point).as("a drawn point of the index").isNotNull();
            day = LocalDate.ofInstant(Instant.ofEpochMilli((long) index.getXValue(0, point.getItem())), ZoneOffset.UTC);
            var area = point.getArea().getBounds2D();
            robot.clickOn(viewer.getCanvas().localToScreen(area.getCenterX(), area.getCenterY()));
            try {
                TestWorkstation.waitFor(5, () -> posts.getItems().size() == MarketFixture.POSTS_PER_DAY);
            } catch (java.util.concurrent.TimeoutException e) {
                // clicked beside the moved point: look again
            }
        }
        assertThat(posts.getItems()).hasSize(MarketFixture.POSTS_PER_DAY);
        LocalDate clicked = day;
        assertThat(TestWorkstation.text(robot, "#explained-title")).startsWith("posts behind " + clicked);
        assertThat(posts.getItems()).allSatisfy(p -> assertThat(LocalDate.ofInstant(p.postedAt(), ZoneOffset.UTC)).isEqualTo(clicked))
                .allSatisfy(p -> assertThat(p.human()).isTrue());

        long first = posts.getItems().get(0).threadId();
        robot.type(KeyCode.L);
        TestWorkstation.waitFor(10, () -> TestWorkstation.text(robot, "#post-meta").startsWith("No." + first + " "));
        assertThat(robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedIndex()).isZero();
        assertThat(TestWorkstation.text(robot, "#status")).startsWith(MarketFixture.POSTS_PER_DAY + " posts behind the clicked point");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        var domain = plot.getDomainAxis();
        robot.interact(() -> domain.setRange(domain.getLowerBound(), domain.getLowerBound() + 86_400_000L * 7));
        assertThat(domain.isAutoRange()).isFalse();
        robot.clickOn("#reset-zoom");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(domain.isAutoRange()).isTrue();
        assertThat(plot.getRangeAxis().getUpperBound()).isEqualTo(100);
    }
}
