package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.store.ThreadOp;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The window headless (Monocle): keyboard labeling writes the right rows; every view is saved as a PNG. */
@ExtendWith(ApplicationExtension.class)
class WorkstationUiTest {

    private Engine engine;
    private Scene scene;
    private Path dir;
    private final com.bizcharts.collect.http.LoopbackServer fourchan = new com.bizcharts.collect.http.LoopbackServer(
            req -> com.bizcharts.collect.http.LoopbackServer.Reply.of(200, "[{\"page\":1,\"threads\":[]}]"));

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("bizcharts-ui");
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("biz"));
        BufferedImage pink = new BufferedImage(250, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) for (int x = 0; x < 250; x++) pink.setRGB(x, y, (x - 125) * (x - 125) + (y - 100) * (y - 100) < 6400 ? 0xF4A6C0 : 0xFFFFFF);
        ImageIO.write(pink, "jpg", images.resolve("biz/1000s.jpg").toFile());
        engine = TestWorkstation.engine(dir, fourchan.base(), fourchan.base());
        List<ThreadOp> ops = new ArrayList<>();
        String[] texts = {">be me\n>buy the top\nit's over, pink wojak hours", "$LINK to 100 wagmi", "what coin for 2026?"};
        for (int i = 0; i < 3; i++) {
            ops.add(new ThreadOp(100 + i, "biz", i == 1 ? "LINK general" : null, null, texts[i], "Anonymous", null,
                    Instant.parse("2026-03-01T12:00:00Z").plusSeconds(i * 60L), 12 * i, 1, null, i == 2 ? "biz/1000s.jpg" : null,
                    false, false, ThreadOp.Source.LIVE));
        }
        engine.database().writeVoid(ctx -> {
            engine.collecting().threads().upsert(ctx, ops, Instant.parse("2026-03-01T13:00:00Z"));
            engine.labelling().coinMentions().record(ctx, ops);
        });
        scene = WorkstationApp.build(engine, TestWorkstation.onFxThread());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        engine.close();
        fourchan.close();
    }

    @Test
    void labelingByKeyboardWritesRowsAndEveryViewIsCaptured(FxRobot robot) throws Exception {
        Screenshots.save(scene, "label-light");
        robot.type(KeyCode.DIGIT3);          // newest post (102) bullish
        robot.type(KeyCode.S);               // 101 skipped
        robot.type(KeyCode.DIGIT1);          // 100 bearish
        robot.type(KeyCode.BACK_SPACE);      // undo: 100 unlabeled again
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(engine.labelling().labels().find(102, "default").orElseThrow().rating()).isEqualTo(3);
        assertThat(engine.labelling().labels().find(101, "default").orElseThrow().skipped()).isTrue();
        assertThat(engine.labelling().labels().find(100, "default")).isEmpty();
        assertThat(robot.lookup("#progress").queryAs(Label.class).getText()).contains("labeled today 1 · in all 1").contains("skipped 1");

        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "label-dark");
        String[] tabs = {"dashboard", "collect", "models"};
        for (int i = 0; i < tabs.length; i++) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (i + 2));
            robot.press(KeyCode.CONTROL).type(digit).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            Path png = Screenshots.save(scene, tabs[i] + "-dark");
            assertThat(Files.size(png)).isPositive();
            if (tabs[i].equals("dashboard")) {
                // JFreeChart ignores the stylesheet: the charts must have followed the theme themselves
                javafx.geometry.Bounds b = robot.lookup("#index-chart").query().localToScene(
                        robot.lookup("#index-chart").query().getBoundsInLocal());
                BufferedImage dark = ImageIO.read(png.toFile());
                int rgb = dark.getRGB((int) (b.getMinX() + b.getWidth() * 0.55), (int) (b.getMinY() + b.getHeight() * 0.3));
                Color c = new Color(rgb);
                assertThat(c.getRed() + c.getGreen() + c.getBlue()).as("index plot drawn dark in the dark theme: " + c).isLessThan(3 * 90);
            }
        }
        BufferedImage shot = ImageIO.read(Path.of("target/screenshots/label-light.png").toFile());
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(new Color(shot.getRGB(5, 400))).isNotEqualTo(new Color(shot.getRGB(5, 400) ^ 0xFFFFFF));
    }

    @Test
    void dashboardShowsTheGaugePriceOverlayCoinsLeadLagAndBacktestAndExportsPngs(FxRobot robot) throws Exception {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(java.time.Duration.ofDays(45));
        com.bizcharts.index.MarketFixture.fill(engine.database(), start, 40, true);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        robot.clickOn("#dashboard-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        var coins = (javafx.scene.control.TableView<com.bizcharts.ui.dashboard.CoinRow>) robot.lookup("#coin-table").query();
        assertThat(coins.getItems()).extracting(com.bizcharts.ui.dashboard.CoinRow::coin).startsWith("BTC");
        robot.interact(() -> coins.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#fear-greed-value").queryAs(Label.class).getText()).matches("\\d{1,3}");
        assertThat(robot.lookup("#fear-greed-mood").queryAs(Label.class).getText()).isEqualTo("extreme fear");  // day 39 closes a fearful run
        var index = robot.lookup("#index-chart").queryAs(org.jfree.chart.fx.ChartViewer.class).getChart();
        var points = index.getXYPlot().getDataset(0);
        int drawn = 0;
        for (int i = 0; i < points.getItemCount(0); i++) if (!Double.isNaN(points.getYValue(0, i))) drawn++;
        assertThat(drawn).isEqualTo(40);  // the 40 days with posts; the range's other days are gaps, not values
        assertThat(points.getItemCount(0)).isEqualTo(90);
        assertThat(index.getXYPlot().getDataset(1).getItemCount(0)).isGreaterThan(40 * 24);  // BTC's hourly closes overlaid
        var coin = robot.lookup("#coin-chart").queryAs(org.jfree.chart.fx.ChartViewer.class).getChart();
        assertThat(coin.getTitle().getText()).isEqualTo("BTC: sentiment and price");
        assertThat(coin.getXYPlot().getDataset(1).getItemCount(0)).isPositive();
        var leadLag = robot.lookup("#lead-lag-chart").queryAs(org.jfree.chart.fx.ChartViewer.class).getChart();
        assertThat(leadLag.getXYPlot().getDataset().getItemCount(1)).isEqualTo(15);  // 24 h returns at lags -7..7
        assertThat(robot.lookup("#backtest-table").queryAs(javafx.scene.control.TableView.class).getItems()).hasSize(4);
        assertThat(robot.lookup("#dashboard-status").queryAs(Label.class).getText()).contains("BTC prices");
        Screenshots.save(scene, "dashboard-light");

        Path out = dir.resolve("png");
        List<Path> files = WaitForAsyncUtils.asyncFx(() -> com.bizcharts.ui.dashboard.ChartExport.saveAll(
                java.util.Map.of("fear-greed", index, "lead-lag", leadLag), robot.lookup("#fear-greed-gauge").query(), out)).get();
        assertThat(files).hasSize(3);
        BufferedImage png = ImageIO.read(out.resolve("fear-greed.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(600);
        assertThat(ImageIO.read(out.resolve("fear-greed-gauge.png").toFile()).getWidth()).isGreaterThan(200);
    }

    @Test
    void modelsViewRunsTheGuardedRetrainAndShowsDrift(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        robot.clickOn("#retrain");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".label").queryAll().stream().map(n -> ((Label) n).getText()))
                .anyMatch(t -> t.startsWith("retrain failed: need at least " + com.bizcharts.learn.retrain.UnseenGolden.MINIMUM + " golden human labels"));
        robot.clickOn("Check drift");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#drift-events").queryAs(Label.class).getText()).isEqualTo("no drift events");
    }

    @Test
    void theWarosuFormRunsAnImportAndReportsWhatHappened(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        robot.clickOn("search text").write("bitcoin");
        robot.clickOn("#warosu-start");
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until
                && !robot.lookup("#warosu-state").queryAs(Label.class).getText().startsWith("run ")) {
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        // The stand-in server answers JSON, not Warosu HTML: the import fails cleanly and says why.
        assertThat(robot.lookup("#warosu-state").queryAs(Label.class).getText())
                .startsWith("run 1 failed").contains("not a Warosu search page");
        assertThat(robot.lookup("#warosu-start").queryButton().isDisabled()).isFalse();
    }
}
