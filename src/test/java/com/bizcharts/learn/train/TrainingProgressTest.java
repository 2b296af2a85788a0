package com.bizcharts.learn.train;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.lexicon.LexiconReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trainer reports its stages and folds in order, reaches 1.0, and stops at the next step when cancelled. */
class TrainingProgressTest {

    private static final EmbeddedTrainer TRAINER = new EmbeddedTrainer(t -> LexiconReading.NONE,
            img -> ImageReading.absent(ImageStatus.MISSING));
    private static final EmbeddedTrainer.Provenance PROVENANCE = new EmbeddedTrainer.Provenance("fixture", "abc", "test", Instant.EPOCH);

    @Test
    void reportsFeaturesEachCalibrationFoldTheFinalFitAndDone(@TempDir Path dir) {
        List<LabeledPost> posts = LabeledPostsFile.read(LabeledFixture.copyTo(dir)).posts();
        List<TrainingProgress> seen = new ArrayList<>();
        var model = TRAINER.train(posts, EmbeddedTrainer.Options.standard(), PROVENANCE, TrainingListener.of(seen::add, () -> false));

        assertThat(seen).extracting(TrainingProgress::describe).containsExactly("features",
                "calibration fold 1/5", "calibration fold 2/5", "calibration fold 3/5", "calibration fold 4/5",
                "calibration fold 5/5", "text model", "fusion weights", "done");
        assertThat(seen).extracting(TrainingProgress::fraction).isSorted().startsWith(0.0).endsWith(1.0);
        // Progress changes nothing about the result: same data, same options, same model.
        assertThat(model.id()).isEqualTo(TRAINER.train(posts, EmbeddedTrainer.Options.standard(), PROVENANCE).id());
    }

    @Test
    void aCancelStopsAtTheNextStep(@TempDir Path dir) {
        List<LabeledPost> posts = LabeledPostsFile.read(LabeledFixture.copyTo(dir)).posts();
        List<TrainingProgress> seen = new ArrayList<>();
        TrainingListener cancelAfterTwoFolds = TrainingListener.of(seen::add,
                () -> seen.stream().filter(p -> p.stage() == TrainingProgress.Stage.CALIBRATION_FOLD).count() == 2);

        assertThatThrownBy(() -> TRAINER.train(posts, EmbeddedTrainer.Options.standard(), PROVENANCE, cancelAfterTwoFolds))
                .isInstanceOf(CancellationException.class).hasMessage("training cancelled");
        assertThat(seen).extracting(TrainingProgress::describe).containsExactly("features", "calibration fold 1/5", "calibration fold 2/5");
    }

    @Test
    void aPartOfALongerRunMapsItsFractionsAndNamesItsTask() {
        List<TrainingProgress> seen = new ArrayList<>();
        TrainingListener whole = TrainingListener.of(seen::add, () -> false);
        TrainingListener second = whole.part("cross-validation fold 2/4", 0.25, 0.5);
        second.at(TrainingProgress.Stage.CALIBRATION_FOLD, 3, 5, 0.5);
        second.progress(new TrainingProgress("", TrainingProgress.Stage.DONE, 1, 1, 1));

        assertThat(seen).extracting(TrainingProgress::fraction).containsExactly(0.375, 0.5);
        assertThat(seen.get(0).describe()).isEqualTo("cross-validation fold 2/4: calibration fold 3/5");
    }
}
