package com.bizcharts.ui.label;

import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.labels.LabelProgress;
import com.bizcharts.store.labels.QueueFilter;
import com.bizcharts.ui.common.Palette;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The label view: binds to {@link LabelViewModel}; all it does itself is layout and turning keys into actions. The
 * card keeps the post's number, date, source, replies and the model's guess above its text, which scrolls in its own
 * pane beside a thumbnail as large as the pane allows; with nothing to label it offers the ways in.
 */
public final class LabelView {

    /** What the empty view's buttons do: the three ways posts get into the store. */
    public record WaysIn(Runnable startLiveScraper, Runnable importFromWarosu, Runnable importLabelsFile) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final LabelViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ImageView image = new ImageView();
    private final Label noImage = new Label("no image");
    private final Label subject = new Label();
    private final TextFlow text = new TextFlow();
    private final Label meta = new Label();
    private final FlowPane coins = new FlowPane(6, 6);
    private final Label prediction = new Label();
    private final Label status = new Label();
    private final Label progress = new Label();
    private final StackPane picture = new StackPane();
    private final VBox emptyState = new VBox(10);
    private final Node card;
    private final StackPane centre = new StackPane();
    private final WaysIn waysIn;

    public LabelView(LabelViewModel vm, WaysIn waysIn, String guidelines) {
        this.vm = vm;
        this.waysIn = waysIn;
        root.getStyleClass().add("label-view");
        root.setTop(filters());
        card = post();
        centre.getChildren().addAll(card, emptyState());
        root.setCenter(centre);
        root.setRight(guidelinesPanel(guidelines));
        root.setBottom(footer());
        vm.currentProperty().addListener((o, a, card) -> render(card));
        vm.showPredictionProperty().addListener((o, a, b) -> render(vm.currentProperty().get()));
        vm.revealedProperty().addListener((o, a, b) -> render(vm.currentProperty().get()));
        vm.fullImageProperty().addListener((o, a, full) -> {
            if (full != null) {
                image.setImage(new Image(full.toUri().toString(), true));
                noImage.setText("");
            } else {
                render(vm.currentProperty().get());
            }
        });
        vm.progressProperty().addListener((o, a, p) -> progress.setText(describe(p)));
        status.textProperty().bind(vm.statusProperty());
        render(vm.currentProperty().get());
    }

    public Node node() {
        return root;
    }

    private Node filters() {
        ComboBox<String> source = new ComboBox<>();
        source.getItems().addAll("all sources", "live", "warosu", "import");
        source.setValue("all sources");
        DatePicker from = new DatePicker(), to = new DatePicker();
        from.setPromptText("from");
        to.setPromptText("to");
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        from.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        to.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        source.setMinWidth(120);
        Spinner<Integer> minReplies = new Spinner<>(0, 10_000, 0, 5);
        minReplies.setTooltip(new javafx.scene.control.Tooltip("minimum replies"));
        minReplies.setPrefWidth(90);
        TextField coin = new TextField();
        coin.setPromptText("coin, e.g. LINK");
        coin.setPrefColumnCount(8);
        CheckBox unlabeled = new CheckBox("unlabeled only");
        unlabeled.setSelected(true);
        ComboBox<QueueFilter.Order> order = new ComboBox<>();
        order.getItems().addAll(QueueFilter.Order.values());
        order.setId("queue-order");
        order.setTooltip(new javafx.scene.control.Tooltip("REVIEW: posts labelers (or a labeler and the teacher) disagree on;"
                + " your rating there is the adjudication, and the originals stay"));
        order.setValue(QueueFilter.Order.NEWEST);
        // the controls start from the filters in force (restored from the last run)
        QueueFilter now = vm.filterProperty().get();
        if (now.source() != null) source.setValue(now.source().dbValue());
        from.setValue(now.from());
        to.setValue(now.to());
        minReplies.getValueFactory().setValue(now.minReplies());
        coin.setText(now.coin() == null ? "" : now.coin());
        unlabeled.setSelected(now.unlabeledOnly());
        order.setValue(now.order());
        for (DatePicker p : new DatePicker[]{from, to}) p.setConverter(com.bizcharts.ui.common.IsoDates.converter());
        Button apply = new Button("Apply");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> {
            QueueFilter f = new QueueFilter(
                    source.getValue().startsWith("all") ? null : ThreadOp.Source.fromDb(source.getValue()),
                    from.getValue(), to.getValue(), minReplies.getValue(), coin.getText().isBlank() ? null : coin.getText(),
                    unlabeled.isSelected(), order.getValue());
            vm.filterProperty().set(f);
            vm.reload();
            root.requestFocus();
        });
        apply.setId("apply-filters");
        order.setMinWidth(120);
        unlabeled.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        apply.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, source, from, to, new Label("replies ≥"), minReplies, coin, unlabeled, order, apply);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private Node post() {
        image.setPreserveRatio(true);
        image.setSmooth(true);
        noImage.getStyleClass().add("muted");
        picture.getChildren().setAll(image, noImage); // the note ("flagged NSFW: V shows it") above the picture
        picture.setMinSize(240, 240);
        picture.setPrefSize(480, 480);
        picture.getStyleClass().add("picture");
        // the thumbnail takes whatever the pane gives it, keeping its shape
        image.fitWidthProperty().bind(picture.widthProperty().subtract(16));
        image.fitHeightProperty().bind(picture.heightProperty().subtract(16));
        subject.getStyleClass().add("subject");
        subject.setWrapText(true);
        subject.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        text.setLineSpacing(3);
        meta.getStyleClass().add("muted");
        meta.setId("post-meta");
        meta.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        prediction.setId("prediction");
        prediction.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // number, date, source, replies and the guess stay in view however long the post; only the text scrolls
        VBox header = new VBox(4, meta, prediction, subject);
        VBox body = new VBox(10, text, coins);
        body.setPadding(new Insets(4, 8, 8, 0));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setId("post-text");
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox right = new VBox(10, header, scroll);
        right.setPadding(new Insets(8));
        right.setMinWidth(320);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox.setHgrow(picture, Priority.SOMETIMES);
        HBox box = new HBox(16, picture, right);
        box.setPadding(new Insets(12));
        return box;
    }

    /** With nothing to label: what to do about it, as buttons rather than a blank pane. */
    private Node emptyState() {
        Label title = new Label("Nothing to label");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        title.setId("empty-title");
        Label why = new Label("No post matches the filters above, or the store holds none yet. Bring posts in:");
        why.setWrapText(true);
        why.getStyleClass().add("muted");
        Button live = new Button("Start the live scraper");
        live.setId("way-live");
        live.setOnAction(e -> waysIn.startLiveScraper().run());
        Button warosu = new Button("Import from the Warosu archive…");
        warosu.setId("way-warosu");
        warosu.setOnAction(e -> waysIn.importFromWarosu().run());
        Button labels = new Button("Import a labels file (JSONL or CSV)…");
        labels.setId("way-labels");
        labels.setOnAction(e -> waysIn.importLabelsFile().run());
        for (Button b : new Button[]{live, warosu, labels}) b.setMaxWidth(Double.MAX_VALUE);
        Label hint = new Label("Already collected? Check the filters: clear the coin and dates and press Apply.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        emptyState.getChildren().setAll(title, why, live, warosu, labels, hint);
        emptyState.setId("label-empty");
        emptyState.setAlignment(Pos.CENTER_LEFT);
        emptyState.setMaxWidth(460);
        emptyState.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        emptyState.setPadding(new Insets(24));
        emptyState.setVisible(false);
        return emptyState;
    }

    /** The guidelines beside the card, toggled with H. */
    private Node guidelinesPanel(String guidelines) {
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(guidelines);
        area.setEditable(false);
        area.setWrapText(true);
        area.setFocusTraversable(false);
        Label title = new Label("Labeling guidelines (H to close)");
        title.setStyle("-fx-font-weight: bold;");
        VBox.setVgrow(area, Priority.ALWAYS);
        VBox panel = new VBox(6, title, area);
        panel.setId("guidelines");
        panel.setPadding(new Insets(8, 12, 8, 0));
        panel.setPrefWidth(380);
        panel.visibleProperty().bind(vm.guidelinesShownProperty());
        panel.managedProperty().bind(vm.guidelinesShownProperty());
        return panel;
    }

    private Node footer() {
        Label help = new Label(LabelAction.help());
        help.getStyleClass().add("muted");
        status.setId("status");
        progress.setId("progress");
        VBox foot = new VBox(4, new HBox(24, status, progress), help);
        foot.setPadding(new Insets(8, 12, 10, 12));
        return foot;
    }

    private void render(PostCard card) {
        coins.getChildren().clear();
        text.getChildren().clear();
        card().setVisible(card != null);
        emptyState.setVisible(card == null);
        if (card == null) {
            subject.setText("");
            meta.setText("");
            image.setImage(null);
            noImage.setText("nothing to label");
            prediction.setText("");
            return;
        }
        ThreadOp op = card.post();
        subject.setText(op.subject() == null ? "" : op.subject());
        for (String line : op.opTextClean().split("\n", -1)) {
            Text t = new Text(line + "\n");
            if (line.startsWith(">") && !line.startsWith(">>")) t.setFill(Palette.GREENTEXT);
            t.setStyle("-fx-font-size: 15px;");
            text.getChildren().add(t);
        }
        meta.setText(String.format(Locale.ROOT, "No.%d   %s   %s   %d %s%s", op.threadId(),
                WHEN.format(op.postedAt()), op.source().dbValue(), op.replyCount(), op.replyCount() == 1 ? "reply" : "replies",
                card.existingRating() == null ? "" : "   (you rated it " + SentimentLabel.ofRating(card.existingRating()).word() + ")"));
        for (String c : card.coins()) {
            Label chip = new Label(c);
            chip.getStyleClass().add("coin-chip");
            chip.setStyle("-fx-padding: 2 8 2 8; -fx-background-radius: 10; -fx-border-radius: 10; -fx-border-color: -color-border-default;");
            coins.getChildren().add(chip);
        }
        boolean blurred = card.nsfw() != null && !vm.revealedProperty().get();
        // a thumbnail flagged NSFW stays blurred until the labeler asks for it (V)
        image.setEffect(blurred ? new javafx.scene.effect.GaussianBlur(60) : null);
        image.setId(blurred ? "post-image-blurred" : "post-image");
        if (card.image() != null) {
            image.setImage(new Image(card.image().toUri().toString(), true));
            noImage.setText(image.getImage().isError() ? "image unreadable"
                    : blurred ? String.format(Locale.ROOT, "flagged NSFW (%.0f%%): V shows it", 100 * card.nsfw()) : "");
        } else {
            image.setImage(null);
            noImage.setText(op.file() == null ? "no image" : op.file().deleted() ? "file deleted" : "thumbnail not downloaded");
        }
        Prediction p = card.prediction();
        // the line is always there, so P visibly does something: the guess, or how to see it
        if (!vm.showPredictionProperty().get()) {
            prediction.setText("P shows the model's guess");
            prediction.setTextFill(Palette.MUTED_TEXT);
        } else if (p == null) {
            prediction.setText("the model has no guess for this post yet");
            prediction.setTextFill(Palette.MUTED_TEXT);
        } else {
            prediction.setText(String.format(Locale.ROOT, "model: %s (%.0f%%)%s", p.label().word(), 100 * p.confidence(),
                    p.sarcasm() > 0.5 ? "  sarcasm?" : ""));
            prediction.setTextFill(Palette.of(p.label()));
        }
    }

    private Node card() {
        return card;
    }

    /** Keyboard entry point; the window routes key presses here while the Label tab is shown. */
    public void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.getTarget() instanceof DatePicker
                || e.getTarget() instanceof Spinner<?> || e.getTarget() instanceof ComboBox<?>) return;
        LabelAction a = LabelAction.forKey(e);
        if (a == null) return;
        e.consume();
        if (a == LabelAction.NOTE) {
            TextInputDialog d = new TextInputDialog();
            d.setHeaderText("Note on this post");
            d.showAndWait().ifPresent(vm::note);
            return;
        }
        vm.perform(a);
    }

    private static String describe(LabelProgress p) {
        if (p == null) return "";
        return String.format(Locale.ROOT, "labeled today %d · in all %d · bearish %d · neutral %d · bullish %d · last hour %d · skipped %d%s",
                p.today(), p.total(), p.byClass().get(SentimentLabel.BEARISH), p.byClass().get(SentimentLabel.NEUTRAL),
                p.byClass().get(SentimentLabel.BULLISH), p.lastHour(), p.skipped(),
                Double.isNaN(p.medianLeadSeconds()) ? "" : String.format(Locale.ROOT, " · %.1f s a label", p.medianLeadSeconds()));
    }
}
