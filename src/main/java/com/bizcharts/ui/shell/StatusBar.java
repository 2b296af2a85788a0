package com.bizcharts.ui.shell;

import com.bizcharts.collect.live.LiveStatus;
import com.bizcharts.sentiment.scoring.ScoringStatus;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Locale;

/** The bottom line of the window: live scraper state, active model, the running background job. */
public final class StatusBar {

    private final Label live = new Label("live scraper: stopped");
    private final Label model = new Label();
    private final Label labeler = new Label();
    private final Label scoring = new Label("scoring: starting…");
    private final javafx.scene.control.Button pauseScoring = new javafx.scene.control.Button("Pause");
    private final javafx.scene.control.Button cancelRescore = new javafx.scene.control.Button("Stop rescore");
    private final Label job = new Label();
    private final ProgressBar jobProgress = new ProgressBar();
    private final HBox root;

    public StatusBar() {
        live.setId("live-status");
        model.setId("model-status");
        labeler.setId("labeler-status");
        // the states are read at a glance: they keep their width, only the job line gives way
        for (Label l : new Label[]{live, scoring, model, labeler}) l.setMinWidth(Region.USE_PREF_SIZE);
        scoring.setId("scoring-status");
        pauseScoring.setId("scoring-pause");
        cancelRescore.setId("scoring-cancel");
        for (var b : new javafx.scene.control.Button[]{pauseScoring, cancelRescore}) {
            b.getStyleClass().addAll("small", "flat");
            b.setVisible(false);
            b.managedProperty().bind(b.visibleProperty());
        }
        pauseScoring.setTooltip(new javafx.scene.control.Tooltip("Pause the background scoring (the window stays quicker); press again to resume"));
        cancelRescore.setTooltip(new javafx.scene.control.Tooltip("Stop scoring the older posts again; new posts are still scored."
                + " 'bizcharts score' or the next model change finishes the rest"));
        jobProgress.setVisible(false);
        jobProgress.setPrefWidth(140);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox scoringBox = new HBox(6, scoring, pauseScoring, cancelRescore);
        scoringBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        job.setMinWidth(0);
        root = new HBox(16, live, scoringBox, model, labeler, spacer, job, jobProgress);
        root.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 12, 4, 12));
        root.getStyleClass().add("status-bar");
        root.setStyle("-fx-border-color: -color-border-default transparent transparent transparent;");
    }

    public Node node() {
        return root;
    }

    /** Safe from any thread: the scraper calls this from its own. */
    public void showLive(LiveStatus s) {
        String text = switch (s.state()) {
            case STOPPED -> "live scraper: stopped";
            case WAITING -> String.format(Locale.ROOT, "live scraper: %d poll%s, %d new thread%s, next %s", s.polls(), s.polls() == 1 ? "" : "s",
                    s.newThreads(), s.newThreads() == 1 ? "" : "s", s.nextPoll() == null ? "-" : s.nextPoll().toString().substring(11, 19) + " UTC");
            case POLLING -> s.fetchingThumbnails() ? String.format(Locale.ROOT, "live scraper: %d new threads stored, thumbnails %d/%d",
                    s.newThreads(), s.thumbnailsDone(), s.thumbnailsWanted()) : "live scraper: polling…";
            case BACKING_OFF -> "live scraper: backing off after " + s.lastError();
            case FAILED -> "live scraper: failed: " + s.lastError();
        };
        if (Platform.isFxApplicationThread()) live.setText(text);
        else Platform.runLater(() -> live.setText(text));
    }

    /** Who the labels are recorded for. */
    public void showLabeler(String id) {
        labeler.setText("labeler: " + id);
    }

    public void showModel(String id) {
        model.setText("model: " + id);
    }

    /** Safe from any thread: the scoring service calls this from its own. */
    public void showScoring(ScoringStatus s) {
        Runnable show = () -> {
            scoring.setText(s.describe());
            boolean paused = s.state() == ScoringStatus.State.PAUSED;
            pauseScoring.setText(paused ? "Resume" : "Pause");
            pauseScoring.setVisible(paused || s.state() == ScoringStatus.State.RESCORING || s.state() == ScoringStatus.State.SCORING);
            cancelRescore.setVisible(s.state() == ScoringStatus.State.RESCORING);
        };
        if (Platform.isFxApplicationThread()) show.run();
        else Platform.runLater(show);
    }

    /**
     * What the scoring buttons do: {@code pause} and {@code resume} the service, {@code cancel} the rescore of older
     * posts. Called on the FX thread; the caller moves the work off it.
     */
    public void onScoringControls(Runnable pause, Runnable resume, Runnable cancel) {
        pauseScoring.setOnAction(e -> (pauseScoring.getText().equals("Resume") ? resume : pause).run());
        cancelRescore.setOnAction(e -> cancel.run());
    }

    /** @param progress 0..1, or negative for indeterminate; null text hides the job */
    public void showJob(String text, double progress) {
        job.setText(text == null ? "" : text);
        jobProgress.setVisible(text != null);
        jobProgress.setProgress(progress);
    }
}
