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

/** The label view: binds to {@link LabelViewModel}; all it does itself is layout and turning keys into actions. */
public final class LabelView {

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

    public LabelView(LabelViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("label-view");
        root.setTop(filters());
        root.setCenter(post());
        root.setBottom(footer());
        vm.currentProperty().addListener((o, a, card) -> render(card));
        vm.showPredictionProperty().addListener((o, a, b) -> render(vm.currentProperty().get()));
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
        from.setPrefWidth(125);
        to.setPrefWidth(125);
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
        order.setValue(QueueFilter.Order.NEWEST);
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
        image.setFitWidth(420);
        image.setFitHeight(420);
        noImage.getStyleClass().add("muted");
        StackPane picture = new StackPane(noImage, image);
        picture.setMinSize(440, 440);
        picture.getStyleClass().add("picture");
        subject.getStyleClass().add("subject");
        subject.setWrapText(true);
        subject.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        text.setPrefWidth(520);
        text.setLineSpacing(3);
        meta.getStyleClass().add("muted");
        meta.setId("post-meta");
        prediction.setId("prediction");
        VBox right = new VBox(10, subject, text, meta, coins, prediction);
        right.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        HBox box = new HBox(16, picture, scroll);
        box.setPadding(new Insets(12));
        return box;
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
        if (card == null) {
            subject.setText("");
            meta.setText("");
            image.setImage(null);
            noImage.setText("nothing to label");
            prediction.setVisible(false);
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
        meta.setText(String.format(Locale.ROOT, "No.%d   %d replies   %s   %s%s", op.threadId(), op.replyCount(),
                WHEN.format(op.postedAt()), op.source().dbValue(),
                card.existingRating() == null ? "" : "   (you rated it " + SentimentLabel.ofRating(card.existingRating()).word() + ")"));
        for (String c : card.coins()) {
            Label chip = new Label(c);
            chip.getStyleClass().add("coin-chip");
            chip.setStyle("-fx-padding: 2 8 2 8; -fx-background-radius: 10; -fx-border-radius: 10; -fx-border-color: -color-border-default;");
            coins.getChildren().add(chip);
        }
        if (card.image() != null) {
            image.setImage(new Image(card.image().toUri().toString(), 420, 420, true, true, true));
            noImage.setText(image.getImage().isError() ? "image unreadable" : "");
        } else {
            image.setImage(null);
            noImage.setText(op.file() == null ? "no image" : op.file().deleted() ? "file deleted" : "thumbnail not downloaded");
        }
        Prediction p = card.prediction();
        prediction.setVisible(vm.showPredictionProperty().get() && p != null);
        if (p != null) {
            prediction.setText(String.format(Locale.ROOT, "model: %s (%.0f%%)%s", p.label().word(), 100 * p.confidence(),
                    p.sarcasm() > 0.5 ? "  sarcasm?" : ""));
            prediction.setTextFill(Palette.of(p.label()));
        }
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
        return String.format(Locale.ROOT, "today %d · total %d · bearish %d · neutral %d · bullish %d · last hour %d · skipped %d",
                p.today(), p.total(), p.byClass().get(SentimentLabel.BEARISH), p.byClass().get(SentimentLabel.NEUTRAL),
                p.byClass().get(SentimentLabel.BULLISH), p.lastHour(), p.skipped());
    }
}
