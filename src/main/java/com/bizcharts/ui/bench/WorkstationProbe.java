package com.bizcharts.ui.bench;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.ui.WorkstationApp;
import com.bizcharts.ui.common.UiExecutors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Opens the workstation in this (fresh) JVM on the settings given and prints one line, {@code PROBE {json}}:
 * <ul>
 *   <li>{@code jvm_to_frame_ms}: from the JVM's start (RuntimeMXBean) to the first frame, i.e. the first pulse after
 *   the stage is shown (a post-layout pulse listener: that pulse lays out and renders the window);</li>
 *   <li>{@code main_to_frame_ms}: the same from this {@code main}, before {@code Application.launch};</li>
 *   <li>{@code cpu_to_frame_ms}: CPU time of the whole process (all threads) until the first frame: on a machine
 *   shared with other work, the figure that does not depend on how busy it is;</li>
 *   <li>{@code toolkit_ms}, {@code engine_ms}, {@code build_ms}: JavaFX's start (to {@code init}), opening the
 *   engine (on its own thread, overlapping the toolkit's start), building the window;</li>
 *   <li>{@code jvm_to_first_post_ms}: to the first pulse showing the label view's first post (loaded off the FX
 *   thread);</li>
 *   <li>{@code next_post_ms}: with {@code keypresses > 0}, for each press of "2" (neutral), from firing the key event
 *   at the window to the end of the pulse that shows the next post.</li>
 * </ul>
 * Usage: {@code WorkstationProbe SETTINGS.toml KEYPRESSES}.
 */
public final class WorkstationProbe {

    private static long mainNanos;
    private static Path settings;
    private static int keypresses;
    private static volatile double engineMs;

    private WorkstationProbe() {}

    public static void main(String[] args) {
        mainNanos = System.nanoTime();
        settings = Path.of(args[0]);
        keypresses = Integer.parseInt(args[1]);
        // As WorkstationLauncher does: the engine opens while the toolkit starts.
        WorkstationApp.openEngineEarly(() -> {
            long t0 = System.nanoTime();
            Engine e = new Engine(Settings.load(settings, true));
            engineMs = (System.nanoTime() - t0) / 1e6;
            return e;
        });
        Application.launch(App.class);
    }

    /** The workstation as {@code WorkstationApp} builds it, with timing hooks. */
    public static final class App extends Application {

        private Engine engine;
        private Scene scene;
        private Label meta;
        private double frameMs = -1, mainToFrameMs = -1, firstPostMs = -1;
        private final List<Double> latencies = new ArrayList<>();
        private long pressedAt;
        private boolean postChanged;

        private double toolkitMs, buildMs, cpuToFrameMs = -1;

        @Override
        public void init() {
            toolkitMs = (System.nanoTime() - mainNanos) / 1e6;
            engine = WorkstationApp.awaitEngine();
        }

        @Override
        public void start(Stage stage) {
            long t0 = System.nanoTime();
            scene = WorkstationApp.build(engine, UiExecutors.forApp());
            buildMs = (System.nanoTime() - t0) / 1e6;
            scene.addPostLayoutPulseListener(this::pulse);
            stage.setScene(scene);
            stage.setTitle("BizCharts Workstation (bench)");
            stage.show();
            // An empty queue (or a stuck load) must not hang the bench: give up after a minute with what was measured.
            Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(this::finish);
            });
        }

        private void pulse() {
            if (frameMs < 0) {
                frameMs = sinceJvmStart();
                mainToFrameMs = (System.nanoTime() - mainNanos) / 1e6;
                cpuToFrameMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
            }
            if (meta == null) {
                // The post lives in a scroll pane, whose content joins the scene graph with its skin, at the first pulse.
                meta = (Label) scene.lookup("#post-meta");
                if (meta == null) return;
                meta.textProperty().addListener((o, was, now) -> postChanged = true);
            }
            if (firstPostMs < 0) {
                if (!meta.getText().isEmpty()) {
                    firstPostMs = sinceJvmStart();
                    postChanged = false;
                    // Keys from the next event-loop turn, so each press starts outside a pulse.
                    Platform.runLater(this::pressOrFinish);
                }
                return;
            }
            if (pressedAt != 0 && postChanged) {
                latencies.add((System.nanoTime() - pressedAt) / 1e6);
                pressedAt = 0;
                Platform.runLater(this::pressOrFinish);
            }
        }

        private void pressOrFinish() {
            if (latencies.size() >= keypresses) {
                finish();
                return;
            }
            postChanged = false;
            pressedAt = System.nanoTime();
            Event.fireEvent(scene.getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED, "2", "2", KeyCode.DIGIT2, false, false, false, false));
            // A press that changes nothing (end of the queue) would wait forever: ask for a pulse either way.
            Platform.requestNextPulse();
        }

        private void finish() {
            String list = latencies.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(","));
            System.out.printf(Locale.ROOT, "PROBE {\"jvm_to_frame_ms\":%.1f,\"main_to_frame_ms\":%.1f,\"jvm_to_first_post_ms\":%.1f,"
                    + "\"cpu_to_frame_ms\":%.1f,\"toolkit_ms\":%.1f,\"engine_ms\":%.1f,\"build_ms\":%.1f,\"next_post_ms\":[%s]}%n",
                    frameMs, mainToFrameMs, firstPostMs, cpuToFrameMs, toolkitMs, engineMs, buildMs, list);
            System.out.flush();
            engine.close();
            Platform.exit();
            System.exit(0);
        }

        private static double sinceJvmStart() {
            return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        }
    }
}
