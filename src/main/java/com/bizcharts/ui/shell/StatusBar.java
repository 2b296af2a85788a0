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
    private final Label scoring = new Label("scoring: starting…");
    private final Label job = new Label();
    private final ProgressBar jobProgress = new ProgressBar();
    private final HBox root;

    public StatusBar() {
        live.setId("live-status");
        model.setId("model-status");
        scoring.setId("scoring-status");
        jobProgress.setVisible(false);
        jobProgress.setPrefWidth(140);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(16, live, scoring, model, spacer, job, jobProgress);
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
            case WAITING -> String.format(Locale.ROOT, "live scraper: %d polls, %d new threads, next %s", s.polls(),
                    s.newThreads(), s.nextPoll() == null ? "-" : s.nextPoll().toString().substring(11, 19) + " UTC");
            case POLLING -> s.fetchingThumbnails() ? String.format(Locale.ROOT, "live scraper: %d new threads stored, thumbnails %d/%d",
                    s.newThreads(), s.thumbnailsDone(), s.thumbnailsWanted()) : "live scraper: polling…";
            case BACKING_OFF -> "live scraper: backing off after " + s.lastError();
            case FAILED -> "live scraper: failed: " + s.lastError();
        };
        if (Platform.isFxApplicationThread()) live.setText(text);
        else Platform.runLater(() -> live.setText(text));
    }

    public void showModel(String id) {
        model.setText("model: " + id);
    }

    /** Safe from any thread: the scoring service calls this from its own. */
    public void showScoring(ScoringStatus s) {
        String text = s.describe();
        if (Platform.isFxApplicationThread()) scoring.setText(text);
        else Platform.runLater(() -> scoring.setText(text));
    }

    /** @param progress 0..1, or negative for indeterminate; null text hides the job */
    public void showJob(String text, double progress) {
        job.setText(text == null ? "" : text);
        jobProgress.setVisible(text != null);
        jobProgress.setProgress(progress);
    }
}
