package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** The background scoring service on a real SQLite file: what is stored gets scored, a model change rescores. */
class ScoringServiceTest {

    @TempDir Path dir;
    Database db;
    ModelRegistry registry;
    ActiveModel active;
    ScoringService service;
    EmbeddedModel a, b;
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("s.db"));
        a = com.bizcharts.learn.FixtureModels.train(ScoringTest.SIGNALS, dir, 1);
        b = com.bizcharts.learn.FixtureModels.train(ScoringTest.SIGNALS, dir, 2);
        EmbeddedModelFormat.save(a, dir.resolve("ma"));
        EmbeddedModelFormat.save(b, dir.resolve("mb"));
        registry = new ModelRegistry(db, clock);
        // model A is the shipped default here: the service registers and activates it itself
        active = new ActiveModel(registry, new ModelLoader(dir.resolve("ma"), ScoringTest.SIGNALS));
    }

    @AfterEach
    void close() {
        if (service != null) service.close();
        active.close();
        db.close();
    }

    ScoringService service(SentimentModel wrapped) {
        PredictionRepository predictions = new PredictionRepository(db);
        ActiveModel source = active;
        service = new ScoringService(predictions, source, new BatchScorer(clock),
                dir.resolve("images"), db::dataVersion, 8, 2, Duration.ofMillis(50));
        db.postChanges().subscribe(service::submit);
        return service;
    }

    void store(int from, int count) {
        List<ThreadOp> ops = new ArrayList<>();
        String[] texts = {"wagmi so back, moon", "it's over, rekt, dumping", "what wallet do you use", "green candles lfg"};
        for (int i = from; i < from + count; i++) {
            ops.add(new ThreadOp(i, "biz", "", null, texts[i % 4] + " " + i, "Anonymous", null,
                    Instant.parse("2025-10-08T05:57:59Z").plusSeconds(i), i % 7, 1, null, null, false, false, ThreadOp.Source.LIVE));
        }
        new ThreadRepository(db).upsert(ops, clock.instant());
    }

    @Test
    void theShippedDefaultIsRegisteredAndActiveSoRollbackCanReturnToIt() {
        assertThat(registry.active()).isEmpty();
        assertThat(active.id()).isEqualTo(a.id());
        assertThat(registry.active()).get().extracting(RegisteredModel::id).isEqualTo(a.id());

        registry.register(b.metadata(), dir.resolve("mb").toString());
        active.activate(b.id());
        assertThat(active.id()).isEqualTo(b.id());
        assertThat(active.rollback().id()).isEqualTo(a.id());
        assertThat(active.id()).isEqualTo(a.id());
    }

    @Test
    void postsStoredWhileRunningAreScoredWithoutBeingAsked() throws Exception {
        store(1, 30);  // before the start: the first pass picks these up
        ScoringService s = service(null);
        List<ScoringService.Scored> events = new CopyOnWriteArrayList<>();
        s.onScored(events::add);
        s.start();
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
        PredictionRepository predictions = new PredictionRepository(db);
        assertThat(predictions.count(a.id())).isEqualTo(30);

        store(100, 5);  // a poll's commit announces its threads; nobody calls the scorer
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(predictions.count(a.id())).isEqualTo(35);
        assertThat(events).anySatisfy(e -> assertThat(e.threadIds()).containsExactly(104L, 103L, 102L, 101L, 100L));
        assertThat(s.status().state()).isEqualTo(ScoringStatus.State.IDLE);
        assertThat(s.status().waiting()).isZero();
        assertThat(s.status().scored()).isEqualTo(35);
        assertThat(s.status().describe()).isEqualTo("scoring: all posts scored by " + a.id());
    }

    @Test
    void aModelChangeRescoresTheWholeStoreNewestFirstAndKeepsTheOldPredictions() throws Exception {
        store(1, 60);
        ScoringService s = service(null);
        s.start();
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
        List<Long> order = Collections.synchronizedList(new ArrayList<>());
        List<ScoringStatus> states = new CopyOnWriteArrayList<>();
        s.onScored(e -> { if (e.modelId().equals(b.id())) order.addAll(e.threadIds()); });
        s.onStatus(states::add);

        registry.register(b.metadata(), dir.resolve("mb").toString());
        active.activate(b.id());
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();

        PredictionRepository predictions = new PredictionRepository(db);
        assertThat(predictions.count(b.id())).isEqualTo(60);
        assertThat(predictions.count(a.id())).isEqualTo(60);
        List<Long> sortedDesc = new ArrayList<>(order);
        sortedDesc.sort(Collections.reverseOrder());
        assertThat(order).hasSize(60).isEqualTo(sortedDesc);
        assertThat(states).anySatisfy(st -> {
            assertThat(st.state()).isEqualTo(ScoringStatus.State.RESCORING);
            assertThat(st.rescore().total()).isEqualTo(60);
            assertThat(st.describe()).startsWith("scoring ").contains(" of 60 posts for " + b.id());
        });
    }

    @Test
    void aPostThatCannotBeScoredIsRecordedWithItsReasonAndTheRestGoOn() throws Exception {
        store(1, 20);
        // a model that breaks on one post, as a corrupt image or an ONNX error would
        EmbeddedModel real = a;
        SentimentModel breaking = new SentimentModel() {
            public String id() { return real.id(); }
            public Prediction predict(PostInput p) {
                if (p.threadId() == 7) throw new IllegalStateException("undecodable thumbnail");
                return real.predict(p);
            }
        };
        PredictionRepository predictions = new PredictionRepository(db);
        BatchScorer.Chunk chunk = new BatchScorer(clock).score(breaking,
                predictions.unscoredNewestFirst(real.id(), dir, Long.MAX_VALUE, 100), 8, BatchScorer.pool(1));
        predictions.saveChunk(chunk.stored(), chunk.failures());

        assertThat(predictions.count(real.id())).isEqualTo(19);
        assertThat(predictions.failureList(real.id(), 10)).singleElement().satisfies(f -> {
            assertThat(f.threadId()).isEqualTo(7);
            assertThat(f.reason()).isEqualTo("undecodable thumbnail");
        });
        assertThat(predictions.coverage(real.id()).waiting()).isZero();
        // the pass does not retry it forever; a changed post (its thumbnail arrived) is tried again and succeeds
        assertThat(predictions.unscoredNewestFirst(real.id(), dir, Long.MAX_VALUE, 100)).isEmpty();
        ScoringService s = service(null);
        s.start();
        new ThreadRepository(db).setThumbnailPath(7, "biz/7s.jpg");
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(predictions.count(real.id())).isEqualTo(20);
        assertThat(predictions.failures(real.id())).isZero();
    }

    @Test
    void pausedItScoresNothingUntilResumed() throws Exception {
        ScoringService s = service(null);
        s.pause();
        s.start();
        store(1, 10);
        assertThat(s.awaitIdle(Duration.ofMillis(400))).isFalse();
        assertThat(s.status().state()).isEqualTo(ScoringStatus.State.PAUSED);
        assertThat(db.read().fetchCount(PREDICTIONS)).isZero();
        assertThat(s.status().describe()).isEqualTo("scoring paused: 10 posts waiting for " + a.id());
        s.resume();
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(db.read().fetchCount(PREDICTIONS)).isEqualTo(10);
    }

    @Test
    void aRolledBackWriteAnnouncesNothing() throws Exception {
        List<List<Long>> heard = new CopyOnWriteArrayList<>();
        db.postChanges().subscribe(heard::add);
        try {
            db.writeVoid(ctx -> {
                new ThreadRepository(db).upsert(ctx, List.of(new ThreadOp(5, "biz", "", null, "x", "Anonymous", null,
                        Instant.parse("2025-10-08T05:57:59Z"), 0, 0, null, null, false, false, ThreadOp.Source.LIVE)), clock.instant());
                throw new IllegalStateException("disk full");
            });
        } catch (RuntimeException expected) {
            assertThat(expected).hasMessageContaining("disk full");
        }
        assertThat(heard).isEmpty();
        store(9, 1);
        assertThat(heard).containsExactly(List.of(9L));
    }

    @Test
    void aCancelledPassStaysCancelledUntilAskedAgainAndNewPostsAreStillScored() throws Exception {
        store(1, 3000);
        PredictionRepository predictions = new PredictionRepository(db);
        service = new ScoringService(predictions, active, new BatchScorer(clock),
                dir.resolve("images"), db::dataVersion, 4, 1, Duration.ofMillis(50));
        db.postChanges().subscribe(service::submit);
        java.util.concurrent.CountDownLatch firstChunk = new java.util.concurrent.CountDownLatch(1);
        service.onScored(e -> firstChunk.countDown());
        service.start();
        assertThat(firstChunk.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        service.cancelPass();
        assertThat(service.awaitIdle(Duration.ofSeconds(30))).isTrue();
        int atCancel = predictions.count(a.id());
        assertThat(atCancel).isLessThan(3000);
        Thread.sleep(400); // several idle ticks: our own writes change data_version, which must not restart the pass
        assertThat(predictions.count(a.id())).isEqualTo(atCancel);
        assertThat(service.status().state()).isEqualTo(ScoringStatus.State.IDLE);
        assertThat(service.status().waiting()).isEqualTo(3000 - atCancel);

        store(5000, 2); // new posts are scored all the same
        assertThat(service.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(predictions.find(5001, a.id())).isPresent();
        service.requestPass();
        assertThat(service.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(predictions.count(a.id())).isEqualTo(3002);
    }

    @Test
    void aThumbnailThatArrivedWhileStoppedIsReadAtTheNextStart() throws Exception {
        store(1, 6);
        ScoringService s = service(null);
        s.start();
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
        PredictionRepository predictions = new PredictionRepository(db);
        assertThat(predictions.find(3, a.id()).orElseThrow().prediction().imageStatus()).isEqualTo(com.bizcharts.sentiment.ImageStatus.MISSING);
        s.stop(Duration.ofSeconds(10));

        // stored while nothing scores (a 'live --no-score', or the scorer killed before it heard)
        java.nio.file.Files.createDirectories(dir.resolve("images/biz"));
        javax.imageio.ImageIO.write(com.bizcharts.sentiment.image.PerceptualHashTest.blob(40, 40), "jpg",
                dir.resolve("images/biz/3s.jpg").toFile());
        new ThreadRepository(db).setThumbnailPath(3, "biz/3s.jpg");
        assertThat(predictions.scoredWithoutTheirImage(a.id(), 10)).containsExactly(3L);

        s.start();
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
        // the test signals decode no image: what matters is that the image was offered to the model this time
        assertThat(predictions.find(3, a.id()).orElseThrow().prediction().imageStatus()).isNotEqualTo(com.bizcharts.sentiment.ImageStatus.MISSING);
        assertThat(predictions.scoredWithoutTheirImage(a.id(), 10)).isEmpty();
        assertThat(predictions.find(2, a.id()).orElseThrow().prediction().imageStatus()).isEqualTo(com.bizcharts.sentiment.ImageStatus.MISSING);
    }

    @Test
    void textReadOffAThumbnailWhileStoppedIsScoredAtTheNextStart() throws Exception {
        store(1, 6);
        ScoringService s = service(null);
        s.start();
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
        s.stop(Duration.ofSeconds(10));
        PredictionRepository predictions = new PredictionRepository(db);
        assertThat(predictions.scoredBeforeTheirImageText(a.id(), 10)).isEmpty();

        // an 'ocr' run from another process while the window is closed: post 3's caption, post 4 unreadable
        db.write(ctx -> {
            new com.bizcharts.store.ImageTextRepository(db).save(ctx, List.of(
                    new com.bizcharts.store.ImageTextRepository.Read(3, "used", "WE ARE SO BACK"),
                    new com.bizcharts.store.ImageTextRepository.Read(4, "undecodable", "")), clock.instant());
            return null;
        });
        assertThat(predictions.scoredBeforeTheirImageText(a.id(), 10)).containsExactly(3L);

        List<ScoringService.Scored> events = new CopyOnWriteArrayList<>();
        s.onScored(events::add);
        s.start();
        assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
        List<Long> scoredAgain = events.stream().flatMap(e -> e.threadIds().stream()).toList();
        assertThat(scoredAgain).contains(3L).doesNotContain(1L, 2L, 4L);
    }
}
