package com.bizcharts.sentiment.scoring;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.embedded.LexiconReading;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
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

    @Test
    void scoresEveryPostOnceAndRecordsMissingImages() {
        PredictionRepository predictions = new PredictionRepository(db);
        BatchScorer scorer = new BatchScorer(predictions, dir.resolve("images"), clock);
        EmbeddedModel model = model(1);
        List<Integer> progress = new ArrayList<>();
        BatchScorer.Result r = scorer.scoreAll(model, 7, 2, progress::add);
        assertThat(r.scored()).isEqualTo(40);
        assertThat(r.failed()).isZero();
        assertThat(progress).isNotEmpty().last().isEqualTo(40);
        assertThat(predictions.count(model.id())).isEqualTo(40);
        assertThat(scorer.scoreAll(model, 7, 2, n -> {}).scored()).isZero();

        var bullish = predictions.find(100, model.id()).orElseThrow();
        assertThat(bullish.prediction().label()).isEqualTo(SentimentLabel.BULLISH);
        assertThat(bullish.prediction().imageStatus()).isEqualTo(ImageStatus.MISSING);
        assertThat(bullish.prediction().drivers()).isNotEmpty();
        assertThat(bullish.scoredAt()).isEqualTo(clock.instant());
        var withThumb = predictions.find(103, model.id()).orElseThrow();
        assertThat(withThumb.prediction().imageStatus()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(predictions.find(101, model.id()).orElseThrow().prediction().label()).isEqualTo(SentimentLabel.BEARISH);
    }

    @Test
    void anotherModelScoresEverythingAgainAndKeepsTheOldPredictions() {
        PredictionRepository predictions = new PredictionRepository(db);
        BatchScorer scorer = new BatchScorer(predictions, dir, clock);
        EmbeddedModel a = model(1), b = model(2);
        assertThat(a.id()).isNotEqualTo(b.id());
        scorer.scoreAll(a, 16, 1, n -> {});
        assertThat(scorer.scoreAll(b, 16, 1, n -> {}).scored()).isEqualTo(40);
        assertThat(predictions.count(a.id())).isEqualTo(40);
        assertThat(predictions.count(b.id())).isEqualTo(40);
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
