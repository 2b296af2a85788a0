package com.bizcharts.sentiment.onnx;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.embedded.MemoizedEncoder;
import com.bizcharts.sentiment.embedded.ModelFiles;
import com.bizcharts.sentiment.embedded.TextEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SentenceEncoderTest {

    static SentenceEncoder tiny;

    @BeforeAll
    static void load() {
        tiny = new SentenceEncoder("tiny", TinyOnnxModels.encoderModel(),
                new ByteArrayInputStream(TinyOnnxModels.tokenizerJson().getBytes(StandardCharsets.UTF_8)), 16);
    }

    @AfterAll
    static void free() {
        tiny.close();
    }

    /** Hand computation: mean of the tokens' embedding rows, then unit length. */
    static double[] expected(String... tokens) {
        double[] v = new double[TinyOnnxModels.DIM];
        for (String t : tokens) {
            float[] row = TinyOnnxModels.embedding(TinyOnnxModels.vocabIndex().get(t));
            for (int d = 0; d < v.length; d++) v[d] += row[d] / tokens.length;
        }
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        for (int d = 0; d < v.length; d++) v[d] /= n;
        return v;
    }

    @Test
    void poolsTheMaskedTokensToAUnitVectorAsComputedByHand() {
        // Different lengths in one batch: the short text's padding must not enter its mean.
        double[][] out = tiny.encode(List.of("moon wagmi the", "rekt", "MOON is the moon"));
        assertThat(tiny.dimension()).isEqualTo(3);
        assertThat(out[0]).containsExactly(expected("moon", "wagmi", "the"), within(1e-6));
        assertThat(out[1]).containsExactly(expected("rekt"), within(1e-6));
        assertThat(out[2]).containsExactly(expected("moon", "is", "the", "moon"), within(1e-6));
    }

    @Test
    void aBrokenModelOrAModelWithoutTheInputsIsAClearError() {
        assertThatThrownBy(() -> new SentenceEncoder("junk", new byte[]{1, 2, 3},
                new ByteArrayInputStream(TinyOnnxModels.tokenizerJson().getBytes(StandardCharsets.UTF_8)), 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot load encoder junk");
        assertThatThrownBy(() -> new SentenceEncoder("junk", TinyOnnxModels.encoderModel(),
                new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8)), 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenizer");
    }

    @Test
    void aModelTrainedWithAnEncoderSavesItsNameAndLoadsWithTheSameNumbers(@TempDir Path dir) {
        List<LabeledPost> posts = TrainingSet.fromFile(LabeledFixture.copyTo(dir)).posts();
        AtomicInteger encoded = new AtomicInteger();
        TextEncoder counting = new TextEncoder() {
            public String name() { return "tiny"; }
            public int dimension() { return tiny.dimension(); }
            public double[][] encode(List<String> texts) {
                encoded.addAndGet(texts.size());
                return tiny.encode(texts);
            }
        };
        TextEncoder.Source source = name -> counting;
        LexiconReading.Source lexicon = t -> LexiconReading.NONE;
        ImageReading.Source images = p -> ImageReading.absent(ImageStatus.MISSING);
        EmbeddedTrainer.Options options = EmbeddedTrainer.Options.standard().withEncoder("tiny");
        EmbeddedModel model = new EmbeddedTrainer(lexicon, images, MemoizedEncoder.over(source)).train(posts, options,
                new EmbeddedTrainer.Provenance("fixture", "abc", "test", Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(encoded.get()).as("each distinct text encoded once while training").isLessThanOrEqualTo(posts.size());
        assertThat(model.encoderName()).isEqualTo("tiny");
        assertThat(model.metadata().features()).anyMatch(f -> f.startsWith("sentence encoder tiny (3 dimensions"));

        EmbeddedModel plain = new EmbeddedTrainer(lexicon, images).train(posts, EmbeddedTrainer.Options.standard(),
                new EmbeddedTrainer.Provenance("fixture", "abc", "test", Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(model.id()).as("the recipe is part of the id").isNotEqualTo(plain.id());

        Path saved = dir.resolve("m");
        EmbeddedModelFormat.save(model, saved);
        EmbeddedModel loaded = EmbeddedModelFormat.load(ModelFiles.directory(saved), lexicon, images, source);
        List<PostInput> probes = new ArrayList<>(List.of(PostInput.ofText("", "moon wagmi"), PostInput.ofText("rekt", "ngmi the")));
        for (PostInput p : probes) {
            assertThat(loaded.predict(p).probabilities()).containsExactly(model.predict(p).probabilities(), within(1e-12));
        }
        assertThat(loaded.predict(probes.get(0)).probabilities())
                .as("the encoder's vector is used: another vector gives other numbers")
                .isNotEqualTo(EmbeddedModelFormat.load(ModelFiles.directory(saved), lexicon, images, name -> new TextEncoder() {
                    public String name() { return "tiny"; }
                    public int dimension() { return 3; }
                    public double[][] encode(List<String> texts) {
                        return texts.stream().map(t -> new double[]{1, 0, 0}).toArray(double[][]::new);
                    }
                }).predict(probes.get(0)).probabilities());

        assertThatThrownBy(() -> EmbeddedModelFormat.load(ModelFiles.directory(saved), lexicon, images, TextEncoder.Source.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no sentence encoder 'tiny'");
        assertThatThrownBy(() -> EmbeddedModelFormat.load(ModelFiles.directory(saved), lexicon, images, name -> new TextEncoder() {
            public String name() { return "tiny"; }
            public int dimension() { return 5; }
            public double[][] encode(List<String> texts) { return new double[texts.size()][5]; }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3-dimensional tiny vectors");
        assertThat(Files.exists(saved.resolve("text-model.bin"))).isTrue();
    }

    @Test
    void theBundledMiniLmPutsParaphrasesCloserThanUnrelatedText() {
        try (BundledEncoders encoders = new BundledEncoders()) {
            TextEncoder e = encoders.find(TextEncoder.DEFAULT);
            assertThat(e.dimension()).isEqualTo(384);
            double[][] v = e.encode(List.of("bitcoin is crashing hard", "btc is dumping, price falling fast",
                    "my cat likes to sleep on the sofa"));
            assertThat(cos(v[0], v[0])).isCloseTo(1.0, within(1e-6));
            assertThat(cos(v[0], v[1])).isGreaterThan(cos(v[0], v[2]) + 0.2);
            assertThatThrownBy(() -> encoders.find("nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown sentence encoder 'nope'");
        }
    }

    private static double cos(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
