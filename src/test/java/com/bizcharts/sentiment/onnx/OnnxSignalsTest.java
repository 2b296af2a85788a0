package com.bizcharts.sentiment.onnx;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.embedded.ThumbnailSignal;
import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalInput;
import com.bizcharts.sentiment.fusion.SignalReading;
import com.bizcharts.sentiment.fusion.SignalSource;
import com.bizcharts.sentiment.image.Thumbnail;
import com.bizcharts.sentiment.scoring.BatchScorer;
import com.bizcharts.sentiment.scoring.PredictionRepository;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The ONNX runners as fusion signals, on the tiny generated models (bearish/bullish heads, no neutral). */
class OnnxSignalsTest {

    @TempDir static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        TinyOnnxModels.writeTextModel(dir.resolve("text"));
        TinyOnnxModels.writeImageModel(dir.resolve("clip"), 8);
    }

    @Test
    void textReadingsAreTheClassifiersProbabilitiesInOurOrderBatchedInChunks() {
        List<String> texts = List.of("wagmi moon", "ngmi rekt", "", "the moon is wagmi", "rekt");
        List<SignalInput> batch = texts.stream().map(t -> new SignalInput(PostInput.ofText("", t), Thumbnail.NONE)).toList();
        try (var signal = OnnxSignal.text(dir.resolve("text"), 2); var classifier = new OnnxTextClassifier(dir.resolve("text"))) {
            List<SignalReading> r = signal.read(batch);
            assertThat(r.get(2)).isNull();                       // nothing to read
            for (int i : new int[] {0, 1, 3, 4}) {
                double[] want = classifier.probabilities(List.of(texts.get(i))).get(0); // [bearish, bullish]
                assertThat(r.get(i).signal()).isEqualTo(Signal.ONNX_TEXT);
                assertThat(r.get(i).probabilities()).containsExactly(new double[] {want[0], 0, want[1]}, within(1e-6));
            }
            assertThat(r.get(0).score()).isGreaterThan(0.8);
            assertThat(r.get(1).score()).isLessThan(-0.8);
        }
    }

    @Test
    void imageReadingsComeFromTheDecodedThumbnailOnly() {
        var red = OnnxImageClassifierTest.flat(new Color(230, 40, 40), 40, 30);
        var green = OnnxImageClassifierTest.flat(new Color(30, 200, 60), 17, 50);
        List<SignalInput> batch = List.of(new SignalInput(PostInput.ofText("", "a"), Thumbnail.of(red)),
                new SignalInput(PostInput.ofText("", "b"), Thumbnail.NONE),
                new SignalInput(PostInput.ofText("", "c"), Thumbnail.of(green)));
        try (var signal = OnnxSignal.image(dir.resolve("clip"), 1)) {
            List<SignalReading> r = signal.read(batch);
            assertThat(r.get(0).probabilities()[0]).isCloseTo(OnnxImageClassifierTest.expected(new Color(230, 40, 40))[0], within(1e-5));
            assertThat(r.get(1)).isNull();
            assertThat(r.get(2).probabilities()[2]).isCloseTo(OnnxImageClassifierTest.expected(new Color(30, 200, 60))[1], within(1e-5));
            assertThat(r.get(2).probabilities()[1]).isZero();
        }
    }

    @Test
    void theContentIdNamesTheModelWhereverItLies() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("copy"));
        for (String f : List.of("model.onnx", "tokenizer.json", "labels.json")) Files.copy(dir.resolve("text").resolve(f), copy.resolve(f));
        String id = OnnxModels.id(dir.resolve("text"));
        assertThat(id).matches("onnx-text-[0-9a-f]{12}").isEqualTo(OnnxModels.id(copy));
        assertThat(OnnxModels.id(dir.resolve("clip"))).startsWith("onnx-image-");
        Files.writeString(copy.resolve("labels.json"), "{\"labels\": [\"negative\", \"positive\"], \"max_length\": 8}");
        assertThat(OnnxModels.id(copy)).isNotEqualTo(id);
        assertThat(OnnxModels.kindOf(dir)).isNull();
        assertThatThrownBy(() -> OnnxModels.id(dir)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("docs/onnx-models.md");
        Files.writeString(copy.resolve("labels.json"), "{\"labels\": [\"sad\", \"happy\"]}");
        try (var bad = OnnxSignal.text(copy, 4)) {
            assertThatThrownBy(() -> bad.read(List.of(new SignalInput(PostInput.ofText("", "moon"), Thumbnail.NONE))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sad'");
        }
    }

    @Test
    void theScorerFusesTheOnnxSignalsBatchedAndStoresUnderTheCombinedId(@TempDir Path tmp) throws IOException {
        Path images = Files.createDirectories(tmp.resolve("images"));
        ImageIO.write(OnnxImageClassifierTest.flat(new Color(30, 200, 60), 60, 60), "png", images.resolve("g.png").toFile());
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        EmbeddedModel base = new EmbeddedTrainer(t -> LexiconReading.NONE, new ThumbnailSignal())
                .train(TrainingSet.fromFile(LabeledFixture.copyTo(tmp)).posts(), EmbeddedTrainer.Options.standard(),
                        new EmbeddedTrainer.Provenance("fixture", "sha", "test", clock.instant()));
        List<SignalSource> onnx = List.of(OnnxSignal.text(dir.resolve("text"), 4), OnnxSignal.image(dir.resolve("clip"), 4));
        EmbeddedModel model = base.withSignals(onnx);
        assertThat(model.id()).isEqualTo(base.id() + "+" + OnnxModels.id(dir.resolve("text")) + "+" + OnnxModels.id(dir.resolve("clip")));
        try (Database db = Database.open(tmp.resolve("s.db"))) {
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ops.add(new ThreadOp(100 + i, "biz", "", null, i % 2 == 0 ? "wagmi moon" : "ngmi rekt", "Anonymous", null,
                        Instant.parse("2025-10-08T05:57:59Z"), i, 1, null, i == 0 ? "g.png" : null, false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(db).upsert(ops, clock.instant());
            PredictionRepository predictions = new PredictionRepository(db);
            var pool = BatchScorer.pool(2);
            try {
                BatchScorer.Chunk out = new BatchScorer(clock).score(model,
                        predictions.unscoredNewestFirst(model.id(), images, Long.MAX_VALUE, 100), 4, pool);
                predictions.saveChunk(out.stored(), out.failures());
                assertThat(out.stored()).hasSize(10);
            } finally {
                pool.shutdownNow();
            }
            assertThat(predictions.count(model.id())).isEqualTo(10);
            assertThat(predictions.count(base.id())).isZero();
            Prediction first = predictions.find(100, model.id()).orElseThrow().prediction();
            assertThat(first.imageUsed()).isTrue();
            assertThat(first.drivers()).anyMatch(d -> d.startsWith("onnx-text:+")).anyMatch(d -> d.startsWith("onnx-image:+"));
            assertThat(predictions.find(101, model.id()).orElseThrow().prediction().drivers())
                    .anyMatch(d -> d.startsWith("onnx-text:-")).noneMatch(d -> d.startsWith("onnx-image:"));
        } finally {
            onnx.forEach(SignalSource::close);
        }
    }
}
