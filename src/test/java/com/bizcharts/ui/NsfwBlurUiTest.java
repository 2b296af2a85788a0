package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.store.ImageFlagRepository;
import com.bizcharts.store.ThreadOp;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thumbnail the NSFW reading flags is blurred until V, and its reading is stored once. The threshold is set to 0 here
 * so that the test image (whatever the model makes of it) is flagged: what is tested is the path, not the classifier.
 */
@ExtendWith(ApplicationExtension.class)
class NsfwBlurUiTest {

    private final LoopbackServer fourchan = TestWorkstation.emptyCatalog();
    private Engine engine;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("bizcharts-nsfw");
        engine = TestWorkstation.engine(dir, fourchan.base(), "http://127.0.0.1:9", "", "[images]\nnsfw_threshold = 0.0\n");
        Files.createDirectories(dir.resolve("images/biz"));
        BufferedImage img = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) for (int x = 0; x < 120; x++) img.setRGB(x, y, (x * 2) << 16 | (y * 2) << 8 | 0x80);
        ImageIO.write(img, "jpg", dir.resolve("images/biz/9s.jpg").toFile());
        engine.collecting().storePosts(List.of(new ThreadOp(9, "biz", null, null, "look at this", null, null,
                Instant.parse("2026-03-01T12:00:00Z"), 0, 1, null, "biz/9s.jpg", false, false, ThreadOp.Source.LIVE)),
                Instant.parse("2026-03-01T13:00:00Z"));
        TestWorkstation.show(stage, engine);
    }

    @AfterEach
    void close() {
        engine.close();
        fourchan.close();
    }

    @Test
    void aFlaggedThumbnailIsBlurredUntilV(FxRobot robot) throws Exception {
        TestWorkstation.waitFor(20, () -> robot.lookup("#post-image-blurred").tryQuery().isPresent());
        ImageFlagRepository.Flag stored = new ImageFlagRepository(engine.database()).find(9).orElseThrow();
        assertThat(stored.flagged()).isTrue();
        assertThat(stored.nsfw()).isBetween(0.0, 1.0);
        robot.type(KeyCode.V);
        TestWorkstation.waitFor(10, () -> robot.lookup("#post-image").tryQuery().isPresent());
        assertThat(robot.lookup("#post-image").query().getEffect()).isNull();
        robot.type(KeyCode.V);
        TestWorkstation.waitFor(10, () -> robot.lookup("#post-image-blurred").tryQuery().isPresent());
    }
}
