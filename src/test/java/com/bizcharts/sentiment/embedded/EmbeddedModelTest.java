package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EmbeddedModelTest {

    /** A stand-in lexicon that knows two words, so the traits have something to carry. */
    static final LexiconReading.Source LEXICON = text -> {
        String t = text.toLowerCase();
        int bull = t.contains("moon") ? 1 : 0, bear = t.contains("rekt") ? 1 : 0;
        return new LexiconReading(0.5 * (bull - bear), bull * 0.5, bear * 0.5, bull, bear);
    };
    static final ImageReading.Source NO_IMAGES = p -> ImageReading.absent(ImageStatus.UNDECODABLE);

    @TempDir
    Path dir;

    EmbeddedModel train(List<LabeledPost> posts) {
        return new EmbeddedTrainer(LEXICON, NO_IMAGES).train(posts, EmbeddedTrainer.Options.standard(),
                new EmbeddedTrainer.Provenance("fixture", "abc", "test", Instant.parse("2026-01-01T00:00:00Z")));
    }

    List<LabeledPost> fixture() {
        return TrainingSet.fromFile(LabeledFixture.copyTo(dir)).posts();
    }

    @Test
    void predictsTheTrainingLabelsAndUnseenObviousPosts() {
        List<LabeledPost> posts = fixture();
        EmbeddedModel model = train(posts);
        long right = posts.stream().filter(p -> model.predict(p.post()).label() == p.label()).count();
        assertThat(right).isGreaterThanOrEqualTo(30);
        assertThat(model.predict(PostInput.ofText("", "so back, moon, lfg, green gains")).label()).isEqualTo(SentimentLabel.BULLISH);
        assertThat(model.predict(PostInput.ofText("", "rekt, it's over, dumping to zero")).label()).isEqualTo(SentimentLabel.BEARISH);
    }

    @Test
    void predictionIsWellFormed() {
        EmbeddedModel model = train(fixture());
        Prediction p = model.predict(PostInput.ofText("wagmi", "green candles"));
        assertThat(p.modelId()).isEqualTo(model.id()).startsWith("embedded-");
        assertThat(p.probabilities()[0] + p.probabilities()[1] + p.probabilities()[2]).isCloseTo(1.0, within(1e-9));
        assertThat(p.score()).isBetween(-1.0, 1.0).isCloseTo(p.probabilities()[2] - p.probabilities()[0], within(1e-12));
        assertThat(p.confidence()).isEqualTo(p.probability(p.label()));
        assertThat(p.literal()).isEqualTo(p.label());
        assertThat(p.inferred()).isEqualTo(p.label());
        assertThat(p.sarcasm()).isZero();
        assertThat(p.drivers()).isNotEmpty().anyMatch(d -> d.startsWith("text:"));
    }

    @Test
    void trainingIsDeterministic() {
        List<LabeledPost> posts = fixture();
        EmbeddedModel a = train(posts), b = train(posts);
        assertThat(a.id()).isEqualTo(b.id());
        for (LabeledPost p : posts) assertThat(a.textProbabilities(p.post())).containsExactly(b.textProbabilities(p.post()));
    }

    @Test
    void anotherLexiconMeansAnotherModelId() {
        List<LabeledPost> posts = fixture();
        EmbeddedModel withLexicon = train(posts);
        EmbeddedModel without = new EmbeddedTrainer(t -> LexiconReading.NONE, NO_IMAGES).train(posts,
                EmbeddedTrainer.Options.standard(),
                new EmbeddedTrainer.Provenance("fixture", "abc", "test", Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(without.id()).isNotEqualTo(withLexicon.id());
    }

    @Test
    void saveAndLoadGiveIdenticalProbabilities() {
        List<LabeledPost> posts = fixture();
        EmbeddedModel model = train(posts);
        Path out = dir.resolve("model");
        EmbeddedModelFormat.save(model, out);
        assertThat(out.resolve("metadata.json")).exists();
        EmbeddedModel loaded = EmbeddedModelFormat.load(ModelFiles.directory(out), LEXICON, NO_IMAGES);
        assertThat(loaded.id()).isEqualTo(model.id());
        assertThat(loaded.metadata().training().sha256()).isEqualTo("abc");
        assertThat(loaded.metadata().training().labelCounts()).containsEntry("bullish", 12);
        for (LabeledPost p : posts) {
            assertThat(loaded.predict(p.post()).probabilities()).containsExactly(model.predict(p.post()).probabilities());
        }
    }

    @Test
    void missingOrBadImagesAreRecordedNotHidden() {
        EmbeddedModel model = train(fixture());
        Prediction none = model.predict(PostInput.ofText("", "moon"));
        assertThat(none.imageStatus()).isEqualTo(ImageStatus.MISSING);
        assertThat(none.imageUsed()).isFalse();
        Prediction bad = model.predict(new PostInput(1, "", "moon", dir.resolve("gone.jpg"), 0, null));
        assertThat(bad.imageStatus()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(bad.drivers()).contains("image:undecodable");
        assertThat(bad.probabilities()).containsExactly(none.probabilities());
    }

    @Test
    void anImageThatDisagreesWithTheTextRaisesSarcasm() {
        EmbeddedModel bearishImages = train(fixture()).withImages(p -> new ImageReading(ImageStatus.USED,
                new double[] {0.9, 0.08, 0.02}, "pink 0.60"));
        Prediction p = bearishImages.predict(new PostInput(1, "", "wagmi moon lfg so back green gains", Path.of("x.jpg"), 0, null));
        assertThat(p.imageStatus()).isEqualTo(ImageStatus.USED);
        assertThat(p.literal()).isEqualTo(SentimentLabel.BULLISH);
        assertThat(p.sarcasm()).isGreaterThan(0.5);
        assertThat(p.inferred()).isEqualTo(SentimentLabel.BEARISH);
        assertThat(p.drivers().get(0)).startsWith("sarcasm:");
    }

    @Test
    void aFolderThatIsNotAModelIsAClearError() throws Exception {
        Files.writeString(dir.resolve("metadata.json"), "{\"format\": 1, \"kind\": \"onnx-text\"}");
        assertThatThrownBy(() -> EmbeddedModelFormat.load(ModelFiles.directory(dir.resolve("nope")), LEXICON, NO_IMAGES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a model directory");
        assertThatThrownBy(() -> EmbeddedModelFormat.load(ModelFiles.directory(dir), LEXICON, NO_IMAGES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not embedded");
    }
}
