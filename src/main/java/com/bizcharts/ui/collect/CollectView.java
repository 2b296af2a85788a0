package com.bizcharts.ui.collect;

import com.bizcharts.collect.live.LiveStatus;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The Collect view: the live scraper (start, stop, state, last and next poll, new and updated threads, errors)
 * above the Warosu import form. Binds to {@link CollectViewModel}; no engine calls of its own.
 */
public final class CollectView {

    private final CollectViewModel vm;
    private final ScrollPane root;

    public CollectView(CollectViewModel vm, WarosuImportView warosu) {
        this.vm = vm;
        VBox box = new VBox(18, live(), warosu.node());
        box.setPadding(new Insets(16));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("collect-view");
    }

    public Node node() {
        return root;
    }

    private Node live() {
        Label title = new Label("Live catalog");
        title.getStyleClass().add("title-4");
        Button start = new Button("Start live scraper");
        start.setId("live-start");
        start.setDefaultButton(false);
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.setId("live-stop");
        stop.disableProperty().bind(vm.runningProperty().not().or(vm.stoppingProperty()));
        stop.setOnAction(e -> vm.stop());
        Label summary = new Label();
        summary.setId("collect-live-state");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        HBox buttons = new HBox(8, start, stop);
        buttons.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(28);
        facts.setVgap(6);
        fact(facts, 0, 0, "state", "live-state", s -> CollectViewModel.words(s.state()));
        fact(facts, 1, 0, "last poll", "live-last-poll", s -> vm.time(s.lastPoll()));
        fact(facts, 2, 0, "next poll", "live-next-poll", s -> vm.time(s.nextPoll()));
        fact(facts, 3, 0, "polls", "live-polls", s -> Integer.toString(s.polls()));
        fact(facts, 0, 2, "new threads", "live-new", s -> Integer.toString(s.newThreads()));
        fact(facts, 1, 2, "updated threads", "live-updated", s -> Integer.toString(s.updatedThreads()));
        fact(facts, 2, 2, "errors", "live-errors", s -> Integer.toString(s.errors()));
        fact(facts, 3, 2, "last error", "live-last-error", s -> s.lastError() == null ? "none" : s.lastError());
        VBox box = new VBox(10, title, buttons, facts, summary);
        box.getStyleClass().add("collect-live");
        return box;
    }

    private void fact(GridPane grid, int col, int row, String name, String id, Function<LiveStatus, String> value) {
        Label caption = new Label(name);
        caption.getStyleClass().add("text-muted");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("title-4");
        v.textProperty().bind(vm.statusProperty().map(value));
        grid.add(caption, col, row);
        grid.add(v, col, row + 1);
    }
}
