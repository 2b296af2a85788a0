package com.bizcharts.sentiment.scoring;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoringTest {

    static final SentimentSignals SIGNALS = new SentimentSignals(t -> LexiconReading.NONE,
            p -> ImageReading.absent(ImageStatus.UNDECODABLE));

    @TempDir
    Path dir;
    Database db;
    Path fixture;
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("s.db"));
        fixture = LabeledFixture.copyTo(dir);
        List<ThreadOp> ops = new ArrayList<>();
        String[] texts = {"wagmi so back, moon", "it's over, rekt, dumping", "what wallet do you use", "green candles lfg"};
        for (int i = 0; i < 40; i++) {
            ops.add(new ThreadOp(100 + i, "biz", "", null, texts[i % 4], "Anonymous", null,
                    Instant.parse("2025-10-08T05:57:59Z"), i, 1, null, i % 4 == 3 ? "thumbs/gone.jpg" : null,
                    false, false, ThreadOp.Source.LIVE));
        }
        new ThreadRepository(db).upsert(ops, clock.instant());
    }

    @AfterEach
    void close() {
        db.close();
    }

    EmbeddedModel model(long seed) {
        var base = EmbeddedTrainer.Options.standard();
        return new EmbeddedTrainer(SIGNALS.lexicon(), SIGNALS.images()).train(
                TrainingSet.fromFile(fixture).posts(),
                new EmbeddedTrainer.Options(base.text(), base.calibrationFolds(), base.classOffsets(), seed),
                new EmbeddedTrainer.Provenance("fixture", "sha" + seed, "test", clock.instant()));
    }

    /** Reads what {@code model} has yet to score and scores it as the scoring service does: one chunk, stored. */
    private static BatchScorer.Chunk scoreWaiting(PredictionRepository predictions, SentimentModel model, Path imagesDir,
                                                  Clock clock, int batchSize, int threads) {
        ExecutorService pool = BatchScorer.pool(threads);
        try {
            BatchScorer.Chunk out = new BatchScorer(clock).score(model,
                    predictions.unscoredNewestFirst(model.id(), imagesDir, Long.MAX_VALUE, 10_000), batchSize, pool);
            predictions.saveChunk(out.stored(), out.failures());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scoresEveryPostOnceAndRecordsWhyTheImageWasNotUsed() throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("thumbs"));
        Files.writeString(images.resolve("thumbs/bad.jpg"), "not a jpeg"); // on disk: the image source reads it
        new ThreadRepository(db).setThumbnailPath(107, "thumbs/bad.jpg");
        PredictionRepository predictions = new PredictionRepository(db);
        EmbeddedModel model = model(1);
        BatchScorer.Chunk out = scoreWaiting(predictions, model, images, clock, 7, 2);
        assertThat(out.stored()).hasSize(40);
        assertThat(out.failures()).isEmpty();
        assertThat(predictions.count(model.id())).isEqualTo(40);
        assertThat(predictions.unscoredNewestFirst(model.id(), images, Long.MAX_VALUE, 100)).isEmpty();

        var bullish = predictions.find(100, model.id()).orElseThrow();
        assertThat(bullish.prediction().label()).isEqualTo(SentimentLabel.BULLISH);
        assertThat(bullish.prediction().imageStatus()).isEqualTo(ImageStatus.MISSING);
        assertThat(bullish.prediction().drivers()).isNotEmpty();
        assertThat(bullish.scoredAt()).isEqualTo(clock.instant());
        assertThat(predictions.find(107, model.id()).orElseThrow().prediction().imageStatus()).isEqualTo(ImageStatus.UNDECODABLE);
        // a thumbnail the row names but retention removed from disk is no image at all, not a broken one
        assertThat(predictions.find(103, model.id()).orElseThrow().prediction().imageStatus()).isEqualTo(ImageStatus.MISSING);
        assertThat(predictions.find(101, model.id()).orElseThrow().prediction().label()).isEqualTo(SentimentLabel.BEARISH);
    }

    @Test
    void registryActivatesListsAndRollsBack() {
        Clock[] now = {clock};
        ModelRegistry registry = new ModelRegistry(db, new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0].instant(); }
        });
        EmbeddedModel a = model(1), b = model(2);
        Path dirA = dir.resolve("ma"), dirB = dir.resolve("mb");
        EmbeddedModelFormat.save(a, dirA);
        EmbeddedModelFormat.save(b, dirB);
        registry.register(a.metadata(), dirA.toString());
        registry.register(b.metadata(), dirB.toString());
        assertThat(registry.active()).isEmpty();
        assertThat(new ModelLoader(dir.resolve("nowhere"), SIGNALS).defaultLocation()).startsWith("jar:");

        registry.activate(a.id());
        now[0] = Clock.offset(clock, java.time.Duration.ofMinutes(1));
        registry.activate(b.id());
        assertThat(registry.active()).get().extracting(RegisteredModel::id).isEqualTo(b.id());
        assertThat(registry.list()).hasSize(2).filteredOn(RegisteredModel::active).hasSize(1);
        assertThat(new ActiveModel(registry, new ModelLoader(dir, SIGNALS)).id()).isEqualTo(b.id());

        assertThat(registry.rollback().id()).isEqualTo(a.id());
        assertThat(registry.active()).get().extracting(RegisteredModel::id).isEqualTo(a.id());
        assertThatThrownBy(() -> registry.activate("no-such")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no registered model");
    }
}
