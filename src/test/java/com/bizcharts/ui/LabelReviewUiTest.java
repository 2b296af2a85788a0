package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.labels.LabelFileRow;
import com.bizcharts.store.labels.LabelFiles;
import com.bizcharts.store.labels.QueueFilter;
import javafx.scene.control.ComboBox;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lead times measured as posts are labeled in the window, and the review order's adjudication. */
@ExtendWith(ApplicationExtension.class)
class LabelReviewUiTest {

    private final LoopbackServer fourchan = TestWorkstation.emptyCatalog();
    private Engine engine;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("bizcharts-review");
        engine = TestWorkstation.engine(dir, fourchan.base(), "http://127.0.0.1:9");
        List<ThreadOp> ops = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ops.add(new ThreadOp(i, "biz", null, null, "post number " + i + " wagmi or ngmi", null, null,
                    Instant.parse("2026-03-01T12:00:00Z").plusSeconds(60L * i), 0, 0, null, null, false, false, ThreadOp.Source.LIVE));
        }
        engine.collecting().storePosts(ops, Instant.parse("2026-03-01T13:00:00Z"));
        LabelRepository labels = engine.labelling().labels();
        // two labelers disagree on post 1; the window's labeler has labeled nothing yet
        labels.save(Label.rated(1, 3, "alice", Instant.parse("2026-03-02T00:00:00Z"), null, null));
        labels.save(Label.rated(1, 1, "bob", Instant.parse("2026-03-02T00:01:00Z"), null, null));
        TestWorkstation.show(stage, engine);
    }

    @AfterEach
    void close() {
        engine.close();
        fourchan.close();
    }

    @Test
    void fiveLabelsCarryTheirLeadTimesAndAReviewAdjudicatesKeepingBothOriginals(FxRobot robot) throws Exception {
        TestWorkstation.waitFor(10, () -> TestWorkstation.text(robot, "#post-meta").startsWith("No.6 "));
        for (KeyCode k : new KeyCode[]{KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT1, KeyCode.DIGIT2}) {
            Thread.sleep(30); // a person looks at the post before deciding
            robot.type(k);
        }
        TestWorkstation.waitFor(10, () -> engine.labelling().labelTransfer().exportRows("default").size() == 5);
        List<LabelFileRow> rows = engine.labelling().labelTransfer().exportRows("default");
        assertThat(rows).allSatisfy(r -> assertThat(r.leadTimeSeconds()).isNotNull().isPositive());
        Path out = dir.resolve("labels.jsonl");
        LabelFiles.write(out, rows);
        assertThat(Files.readAllLines(out)).hasSize(5).allSatisfy(line -> assertThat(line).containsPattern("\"lead_time_s\":0\\.\\d+"));
        TestWorkstation.waitFor(10, () -> TestWorkstation.text(robot, "#progress").contains(" s a label"));

        // the review order holds the disputed post; a rating there is the adjudication
        @SuppressWarnings("unchecked")
        ComboBox<QueueFilter.Order> order = robot.lookup("#queue-order").queryAs(ComboBox.class);
        robot.interact(() -> order.setValue(QueueFilter.Order.REVIEW));
        robot.clickOn("#apply-filters");
        TestWorkstation.waitFor(10, () -> TestWorkstation.text(robot, "#post-meta").startsWith("No.1 "));
        robot.type(KeyCode.DIGIT3);
        LabelRepository labels = engine.labelling().labels();
        TestWorkstation.waitFor(10, () -> labels.find(1, Label.reviewerId("default")).isPresent());
        Label decision = labels.find(1, Label.reviewerId("default")).orElseThrow();
        assertThat(decision.adjudicated()).isTrue();
        assertThat(decision.rating()).isEqualTo(3);
        assertThat(labels.find(1, "alice").orElseThrow().rating()).isEqualTo(3);
        assertThat(labels.find(1, "bob").orElseThrow().rating()).isEqualTo(1);
        // training takes the decision, once, over the originals
        assertThat(labels.ratingsNewestFirst()).filteredOn(r -> r.threadId() == 1).extracting(LabelRepository.Rating::rating).containsExactly(3);
        // decided: it leaves the review order
        robot.clickOn("#apply-filters");
        WaitForAsyncUtils.waitForFxEvents();
        TestWorkstation.waitFor(10, () -> robot.lookup("#label-empty").query().isVisible());
        // the export carries the originals and the decision, which says so
        assertThat(engine.labelling().labelTransfer().exportRows(null)).filteredOn(r -> r.threadId() == 1)
                .extracting(r -> r.rating() + ":" + r.adjudicated() + ":" + r.labeler()).containsExactly("3:null:null", "1:null:null", "3:true:review:default");
    }
}
