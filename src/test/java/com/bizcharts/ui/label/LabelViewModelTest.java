package com.bizcharts.ui.label;

import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.labels.LabelProgress;
import com.bizcharts.store.labels.LabelQueue;
import com.bizcharts.store.labels.QueueFilter;
import com.bizcharts.ui.common.UiExecutors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The label view's behaviour without a screen: same-thread executors, a real SQLite file. */
class LabelViewModelTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    @TempDir Path dir;
    private Database db;
    private LabelRepository labels;
    private LabelViewModel vm;

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("l.db"));
        ThreadRepository threads = new ThreadRepository(db);
        List<ThreadOp> ops = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ops.add(new ThreadOp(i, "biz", "post " + i, null, "text " + i, null, null, T0.plusSeconds(i * 60L), i * 10, 0,
                    null, null, false, false, i == 5 ? ThreadOp.Source.WAROSU : ThreadOp.Source.LIVE));
        }
        threads.upsert(ops, T0);
        labels = new LabelRepository(db);
        LabelQueue queue = new LabelQueue(db, threads, ids -> ids);
        Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
        vm = new LabelViewModel(queue, labels,
                id -> new PostCard(threads.find(id).orElseThrow(), List.of(), null, null, null),
                () -> LabelProgress.of(db, "alice", clock.instant()), "alice", false, UiExecutors.sameThread(), clock, 3);
        vm.reload();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long current() {
        return vm.currentProperty().get().threadId();
    }

    @Test
    void ratingWritesTheRowAndMovesOnNewestFirst() {
        assertThat(current()).isEqualTo(5);
        vm.perform(LabelAction.BULLISH);
        assertThat(labels.find(5, "alice").orElseThrow().rating()).isEqualTo(3);
        assertThat(current()).isEqualTo(4);
        vm.perform(LabelAction.BEARISH);
        assertThat(labels.find(4, "alice").orElseThrow().rating()).isEqualTo(1);
        assertThat(vm.progressProperty().get().total()).isEqualTo(2);
        assertThat(vm.progressProperty().get().byClass().get(SentimentLabel.BULLISH)).isEqualTo(1);
    }

    @Test
    void skipRecordsASkipAndUndoRemovesExactlyTheLastLabel() {
        vm.perform(LabelAction.NEUTRAL);   // 5
        vm.perform(LabelAction.SKIP);      // 4
        assertThat(labels.find(4, "alice").orElseThrow().skipped()).isTrue();
        vm.perform(LabelAction.UNDO);
        assertThat(labels.find(4, "alice")).isEmpty();
        assertThat(labels.find(5, "alice")).isPresent();
        assertThat(current()).isEqualTo(4);
        vm.perform(LabelAction.UNDO);
        assertThat(labels.count()).isZero();
        assertThat(current()).isEqualTo(5);
        vm.perform(LabelAction.UNDO);
        assertThat(vm.statusProperty().get()).isEqualTo("nothing to undo");
    }

    @Test
    void undoAfterChangingAnEarlierRatingRestoresTheEarlierRating() {
        labels.save(Label.rated(5, 1, "alice", T0, null, null));
        vm.filterProperty().set(QueueFilter.everything().withUnlabeledOnly(false));
        vm.reload();
        vm.perform(LabelAction.BULLISH);
        assertThat(labels.find(5, "alice").orElseThrow().rating()).isEqualTo(3);
        vm.perform(LabelAction.UNDO);
        assertThat(labels.find(5, "alice").orElseThrow().rating()).isEqualTo(1);
    }

    @Test
    void filtersNarrowTheQueue() {
        assertThat(vm.remainingProperty().get()).isEqualTo(5);
        vm.filterProperty().set(QueueFilter.everything().withMinReplies(30));
        vm.reload();
        assertThat(vm.remainingProperty().get()).isEqualTo(3);
        vm.filterProperty().set(QueueFilter.everything().withSource(ThreadOp.Source.WAROSU));
        vm.reload();
        assertThat(vm.remainingProperty().get()).isEqualTo(1);
        assertThat(current()).isEqualTo(5);
        vm.perform(LabelAction.NEUTRAL);
        vm.filterProperty().set(QueueFilter.everything());
        vm.reload();
        assertThat(vm.remainingProperty().get()).isEqualTo(4); // unlabeled only: 5 is done
    }

    @Test
    void arrowsMoveWithoutWritingAndPredictionIsHiddenByDefault() {
        vm.perform(LabelAction.NEXT);
        vm.perform(LabelAction.NEXT);
        assertThat(current()).isEqualTo(3);
        vm.perform(LabelAction.PREVIOUS);
        assertThat(current()).isEqualTo(4);
        assertThat(labels.count()).isZero();
        assertThat(vm.showPredictionProperty().get()).isFalse();
        vm.perform(LabelAction.TOGGLE_PREDICTION);
        assertThat(vm.showPredictionProperty().get()).isTrue();
    }

    @Test
    void inReviewASkipKeepsTheReviewersOwnRatingAndPostsHandedInAreNeverAdjudicated() {
        labels.save(Label.rated(3, 3, "alice", T0, null, null));
        labels.save(Label.rated(3, 1, "bob", T0, null, null));
        vm.filterProperty().set(com.bizcharts.store.labels.QueueFilter.everything().withOrder(com.bizcharts.store.labels.QueueFilter.Order.REVIEW));
        vm.reload();
        assertThat(current()).isEqualTo(3);
        vm.perform(LabelAction.SKIP);
        assertThat(labels.find(3, "alice").orElseThrow().rating()).as("alice's own rating stays").isEqualTo(3);
        assertThat(labels.find(3, Label.reviewerId("alice"))).isEmpty();

        // the dashboard's "label these" while the filter still says REVIEW: plain ratings, not decisions
        vm.labelThese(List.of(2L, 1L), "behind the clicked point");
        vm.perform(LabelAction.BULLISH);
        assertThat(labels.find(2, "alice").orElseThrow().adjudicated()).isFalse();
        assertThat(labels.find(2, Label.reviewerId("alice"))).isEmpty();
        assertThat(labels.find(2, "alice").orElseThrow().leadTimeMs()).isPositive();
    }

    @Test
    void fShowsThePostsFullImageUntilTheNextPostAndSaysWhyWhenThereIsNone() {
        Path full = dir.resolve("5.png");
        vm.setFullImages(op -> {
            if (op.threadId() == 5) return full;
            throw new IllegalStateException("could not fetch the image of post " + op.threadId() + ": gone");
        });
        assertThat(current()).isEqualTo(5);
        vm.perform(LabelAction.FULL_IMAGE);
        assertThat(vm.fullImageProperty().get()).isEqualTo(full);
        vm.perform(LabelAction.FULL_IMAGE);
        assertThat(vm.fullImageProperty().get()).as("F again: the thumbnail").isNull();
        vm.perform(LabelAction.FULL_IMAGE);
        vm.perform(LabelAction.NEXT);
        assertThat(vm.fullImageProperty().get()).as("each post opens on its thumbnail").isNull();
        vm.perform(LabelAction.FULL_IMAGE);
        assertThat(vm.fullImageProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("could not fetch the image of post 4: gone");
    }
}
