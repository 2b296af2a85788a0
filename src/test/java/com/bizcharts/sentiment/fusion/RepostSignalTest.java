package com.bizcharts.sentiment.fusion;

import com.bizcharts.sentiment.image.ImageHashIndex;
import com.bizcharts.sentiment.image.LabeledImageIndex;
import com.bizcharts.sentiment.image.PerceptualHashTest;
import com.bizcharts.sentiment.image.Thumbnail;
import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.embedded.ThumbnailSignal;
import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.schema.Tables.GOLDEN_SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reposts of labeled memes, made here: resized and recompressed copies of generated images. */
class RepostSignalTest {

    @TempDir
    Path dir;
    Database db;
    Path images;
    LabeledImageIndex labeled;

    @BeforeEach
    void open() throws IOException {
        db = Database.open(dir.resolve("r.db"));
        images = Files.createDirectories(dir.resolve("images"));
        // 1: a pink wojak-ish blob, labeled bearish; 2: green candles, labeled bullish; 3: the blob again, but
        // golden (the frozen test set must not vote); 4: unlabeled; 5: a labeled post whose thumbnail is gone
        write("1s.jpg", PerceptualHashTest.blob(250, 200));
        write("2s.jpg", PerceptualHashTest.candles(250, 250));
        write("3s.jpg", PerceptualHashTest.blob(240, 190));
        write("4s.jpg", stripes());
        List<ThreadOp> ops = new ArrayList<>();
        for (long id = 1; id <= 5; id++) ops.add(op(id, id + "s.jpg"));
        new ThreadRepository(db).upsert(ops, Instant.EPOCH);
        LabelRepository labels = new LabelRepository(db);
        labels.save(label(1, 1, "a"));
        labels.save(label(2, 3, "a"));
        labels.save(label(3, 3, "a"));
        labels.save(label(5, 3, "a"));
        db.writeVoid(ctx -> ctx.insertInto(GOLDEN_SET).set(GOLDEN_SET.THREAD_ID, 3L).set(GOLDEN_SET.ADDED_AT, "2026-01-01T00:00:00Z").execute());
        labeled = new LabeledImageIndex(db, images, Duration.ZERO, System::nanoTime);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRepostOfALabeledMemeReadsAsItsLabel() throws IOException {
        assertThat(labeled.get().size()).isEqualTo(2);    // 1 and 2: golden 3 and thumbless 5 are left out
        Path repost = write("new.jpg", PerceptualHashTest.blob(125, 100)); // half size, recompressed
        RepostSignal signal = new RepostSignal(labeled, RepostSignal.DEFAULT_MAX_DISTANCE, RepostSignal.DEFAULT_NEIGHBOURS);
        List<SignalReading> r = signal.read(List.of(input(900, repost), input(901, images.resolve("4s.jpg")),
                input(902, dir.resolve("missing.jpg")), input(903, null)));
        SignalReading bearish = r.get(0);
        assertThat(bearish.signal()).isEqualTo(Signal.REPOST);
        assertThat(bearish.probabilities()[0]).isGreaterThan(0.55).isLessThanOrEqualTo(2.0 / 3 + 1e-9);
        assertThat(bearish.score()).isNegative();
        assertThat(bearish.detail()).startsWith("(1 labeled look-alike: bearish at ");
        assertThat(r.subList(1, 4)).containsOnlyNulls(); // unrelated image, missing file, no image: no reading
    }

    @Test
    void aLabeledPostIsNotItsOwnNeighbourAndNewLabelsArriveWithoutARestart() {
        RepostSignal signal = new RepostSignal(labeled, 10, 5);
        assertThat(signal.read(List.of(input(1, images.resolve("1s.jpg"))))).containsOnlyNulls();
        // golden post 3 is a near copy of 1: it sees 1's label, and its own label never entered the index
        SignalReading golden = signal.read(List.of(input(3, images.resolve("3s.jpg")))).get(0);
        assertThat(golden.score()).isNegative();

        new LabelRepository(db).save(label(4, 3, "a"));
        new LabelRepository(db).save(label(1, 3, "b"));   // a second labeler: 1 is now tied, the latest (bullish) wins
        assertThat(labeled.get().size()).isEqualTo(3);
        SignalReading again = signal.read(List.of(input(3, images.resolve("3s.jpg")))).get(0);
        assertThat(again.score()).isPositive();
    }

    @Test
    void votesAreWeightedByDistanceAndSmoothed() {
        RepostSignal signal = new RepostSignal(ImageHashIndex::new, 9, 5);
        SignalReading exact = signal.reading(List.of(new ImageHashIndex.Match("a", "bullish", 0, 0)));
        assertThat(exact.probabilities()).containsExactly(new double[] {1.0 / 6, 1.0 / 6, 2.0 / 3}, within(1e-12));
        SignalReading mixed = signal.reading(List.of(new ImageHashIndex.Match("a", "bearish", 0, 0),
                new ImageHashIndex.Match("b", "bullish", 0, 5)));
        // weights 1 and 0.5: bearish (1 + 1/3) / 2.5, bullish (0.5 + 1/3) / 2.5
        assertThat(mixed.probabilities()[0]).isCloseTo(4.0 / 3 / 2.5, within(1e-12));
        assertThat(mixed.probabilities()[2]).isCloseTo(2.5 / 3 / 2.5, within(1e-12));
        assertThat(mixed.detail()).isEqualTo("(2 labeled look-alikes: bearish at 0, bullish at 5 bits)");
    }

    @Test
    void theRepostSignalDrivesAPredictionAndABrokenImageNeverStopsIt() throws IOException {
        var base = EmbeddedTrainer.Options.standard();
        EmbeddedModel model = new EmbeddedTrainer(t -> LexiconReading.NONE, new ThumbnailSignal())
                .train(TrainingSet.fromFile(LabeledFixture.copyTo(dir)).posts(), base,
                        new EmbeddedTrainer.Provenance("fixture", "sha", "test", Instant.EPOCH))
                .withSignals(List.of(new RepostSignal(labeled, 10, 5)));
        Path repost = write("new.jpg", PerceptualHashTest.blob(200, 160));
        Path corrupt = Files.write(dir.resolve("bad.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
        List<Prediction> p = model.predictAll(List.of(new PostInput(900, "", "what do you think", repost, 0, null),
                new PostInput(901, "", "what do you think", corrupt, 0, null)));
        assertThat(p.get(0).imageStatus()).isEqualTo(ImageStatus.USED);
        assertThat(p.get(0).drivers()).anyMatch(d -> d.startsWith("repost:-") && d.contains("bearish at"));
        assertThat(p.get(1).imageStatus()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(p.get(1).drivers()).noneMatch(d -> d.startsWith("repost:")).contains("image:undecodable");
        assertThat(model.id()).isEqualTo(model.metadata().id()); // data-driven signals do not change the id
    }

    private SignalInput input(long id, Path image) {
        return new SignalInput(new PostInput(id, "", "", image, 0, null), Thumbnail.read(image));
    }

    private Path write(String name, BufferedImage img) throws IOException {
        Path f = images.resolve(name);
        ImageIO.write(img, "jpg", f.toFile());
        return f;
    }

    private static BufferedImage stripes() {
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        for (int i = 0; i < 10; i++) {
            g.setColor(i % 2 == 0 ? Color.BLUE : Color.YELLOW);
            g.fillRect(0, i * 20, 200, 20);
        }
        g.fillOval(20, 20, 60, 60);
        g.dispose();
        return img;
    }

    private static ThreadOp op(long id, String thumb) {
        return new ThreadOp(id, "biz", "", null, "post " + id, "Anonymous", null, Instant.EPOCH.plusSeconds(id), 0, 0,
                null, id == 5 ? "gone.jpg" : thumb, false, false, ThreadOp.Source.LIVE);
    }

    private static Label label(long id, int rating, String labeler) {
        return new Label(id, rating, false, labeler, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id * 10 + (labeler.equals("a") ? 0 : 5)),
                null, null, null);
    }
}
