package com.bizcharts.ui.remote;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.remote.DatasetExport;
import com.bizcharts.remote.FakeRunPod;
import com.bizcharts.remote.LoopbackSshServer;
import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.RemoteFixture;
import com.bizcharts.remote.RemoteSettings;
import com.bizcharts.remote.RemoteTraining;
import com.bizcharts.remote.RemoteTrainingJob;
import com.bizcharts.remote.RunPodClient;
import com.bizcharts.sentiment.onnx.TinyStudent;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.store.Database;
import com.bizcharts.ui.Screenshots;
import com.bizcharts.ui.common.UiExecutors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel headless (Monocle) with real background threads: sweep a leftover pod, choose RunPod, click Train,
 * confirm the unknown host in the fingerprint dialog, watch the progress, and let the run finish into a judged
 * student and a terminated pod.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteTrainingViewUiTest {

    private Path tmp;
    private LoopbackSshServer ssh;
    private FakeRunPod runpod;
    private Database db;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("bizcharts-remote-ui");
        ssh = new LoopbackSshServer(tmp.resolve("hostkey.ser"));
        runpod = new FakeRunPod();
        runpod.sshPort = ssh.port();
        runpod.addPod("old-pod-7", "bizcharts-1764000000");
        Path control = Files.createDirectories(tmp.resolve("control"));
        Files.writeString(control.resolve("mode"), "gated");
        TinyStudent.write(control.resolve("student"), "student-ui", DatasetExport.PROMPT + "\n", false);
        db = RemoteFixture.seeded(tmp.resolve("b.db"), tmp.resolve("images"));
        RemoteFixture.addGolden(db, 30);
        Path key = ssh.writeClientKey(tmp.resolve("id_rsa"));
        Files.writeString(Path.of(key + ".pub"), ssh.clientPublicKey());
        Path python = RemoteFixture.fakePython(Files.createDirectories(tmp.resolve("bin")), control);
        RemoteSettings s = RemoteFixture.settings(tmp.resolve("workspace"), python, "true", runpod.base().toString(), 20, true);
        Clock clock = Clock.systemUTC();
        RemoteTraining training = new RemoteTraining(db, s, tmp.resolve("images"), tmp.resolve("runs"),
                new ApiKeys(Map.of(), false), clock);
        PodLauncher launcher = new PodLauncher(() -> new RunPodClient(URI.create(s.runpodBaseUrl()), FakeRunPod.KEY,
                Duration.ofSeconds(5)), s, training.runs(), clock, d -> {});
        ModelRegistry registry = new ModelRegistry(db, clock);
        CandidateEvaluation evaluation = new CandidateEvaluation(db, tmp.resolve("images"), registry,
                new ModelLoader(tmp.resolve("none"), Engine.signals(Settings.defaults())), new GoldenSet(db, clock), clock);
        var background = Executors.newVirtualThreadPerTaskExecutor();
        UiExecutors ex = new UiExecutors(background, background, Platform::runLater);
        var vm = new RemoteTrainingViewModel(new RemoteTrainingJob(training, launcher, evaluation, s, clock), launcher, s,
                new HostKeyDialog(), ex, clock);
        vm.keyProperty().set(key.toString());
        vm.knownHostsProperty().set(tmp.resolve("known_hosts").toString());
        vm.open();
        VBox root = new VBox(new Label("Remote training (GPU)"), new RemoteTrainingView(vm).node());
        root.setPadding(new Insets(16));
        scene = new Scene(root, 1180, 560);
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        Files.writeString(tmp.resolve("control/release"), "go");
        RemoteFixture.awaitDetachedRuns(tmp.resolve("workspace"));
        ssh.close();
        runpod.close();
        db.close();
    }

    private void await(BooleanSupplier condition, String what) {
        long until = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) throw new AssertionError("timed out waiting for " + what
                    + "; the panel says: " + ((Label) scene.lookup("#remote-status")).getText());
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void sweepThenOneClickTrainsOnRunPodAfterTheHostKeyIsConfirmed(FxRobot robot) throws Exception {
        await(() -> text(robot, "#remote-pods-status").startsWith("our pods on RunPod: 1"), "the leftover pods");
        robot.clickOn("#remote-sweep"); // a leftover pod of ours would refuse the launch (single flight)
        await(() -> text(robot, "#remote-pods-status").startsWith("terminated 1 pod(s); none of ours left"), "the sweep");
        robot.clickOn("#target-runpod");
        assertThat(text(robot, "#remote-quote")).endsWith("needs 20 GB: fits");
        robot.clickOn("#remote-train");

        await(() -> robot.lookup("#host-key-dialog").tryQuery().isPresent(), "the host key dialog");
        DialogPane dialog = robot.lookup("#host-key-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("SHA256:").contains("not in known_hosts");
        Screenshots.save(dialog.getScene(), "remote-host-key");
        assertThat(Files.readString(tmp.resolve("known_hosts"))).as("nothing written before the answer").isEmpty();
        robot.clickOn("Trust and connect");

        await(() -> text(robot, "#remote-progress-text").startsWith("running step 2/4"), "step 2");
        Node train = robot.lookup("#remote-train").query();
        assertThat(train.isDisabled()).as("single flight").isTrue();
        assertThat(robot.lookup("#remote-cancel").query().isDisabled()).isFalse();
        assertThat(text(robot, "#remote-cost")).startsWith("pod pod1 at $0.69/hour");
        Screenshots.save(scene, "remote-training");

        Files.writeString(tmp.resolve("control/release"), "go");
        await(() -> text(robot, "#remote-status").startsWith("terminated pod pod1"), "the pull and release");
        assertThat(Files.readString(tmp.resolve("known_hosts"))).contains("127.0.0.1");
        assertThat(text(robot, "#remote-progress-text")).contains(": pulled (step 4/4");
        assertThat(train.isDisabled()).isFalse();
        assertThat(runpod.pods).as("the run's pod is terminated after the pull").isEmpty();
        assertThat(text(robot, "#remote-status")).contains("cost about $");
    }
}
