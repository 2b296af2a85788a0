package com.bizcharts.index;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.PriceRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentiment of a range from bucket totals equals, to the last bit, what reading every post into memory gave; and
 * a live update that re-reads only the changed posts' buckets equals a fresh load.
 */
class MarketAnalysisTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void dailyAndHourlySentimentEqualEveryPostInMemory(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("m.db"))) {
            UnevenBoard.fill(db, START, 70, 7);
            MarketAnalysis analysis = new MarketAnalysis(db, new PriceRepository(db));
            for (Bucket bucket : Bucket.values()) {
                Instant from = UnevenBoard.day(START, bucket == Bucket.DAY ? 35 : 62), to = UnevenBoard.day(START, 68);
                MarketAnalysis.Sentiment s = analysis.sentiment(UnevenBoard.MODEL, bucket, from, to);
                AllPostsInMemory.Result expected = AllPostsInMemory.sentiment(db, UnevenBoard.MODEL, bucket, from, to);
                assertThat(s.index()).as(bucket.name()).isEqualTo(expected.index());
                assertThat(s.coins()).as(bucket.name()).isEqualTo(expected.coins());
                assertThat(s.index()).anyMatch(p -> p.posts() == 0).anyMatch(p -> p.posts() > 0);
                assertThat(s.coins()).extracting(CoinSentiment.Row::coin).containsAll(UnevenBoard.COINS);
            }
        }
    }

    @Test
    void storedAndUnscoredCountTheRangesPostsWithoutStickies(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("m.db"))) {
            UnevenBoard board = UnevenBoard.fill(db, START, 40, 11);
            Instant from = UnevenBoard.day(START, 31), to = UnevenBoard.day(START, 40);
            MarketAnalysis.Sentiment s = new MarketAnalysis(db, new PriceRepository(db)).sentiment(UnevenBoard.MODEL, Bucket.DAY, from, to);
            List<UnevenBoard.Post> inRange = board.posts.stream()
                    .filter(p -> !p.sticky() && !p.postedAt().isBefore(from) && p.postedAt().isBefore(to)).toList();
            assertThat(s.stored()).isEqualTo(inRange.size());
            assertThat(s.unscored()).isEqualTo((int) inRange.stream().filter(p -> !p.scored()).count()).isPositive();
        }
    }

    @Test
    void anUpdateReReadsTheChangedPostsBucketsAndEqualsAFreshLoad(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("m.db"))) {
            UnevenBoard board = UnevenBoard.fill(db, START, 70, 3);
            MarketAnalysis analysis = new MarketAnalysis(db, new PriceRepository(db));
            for (Bucket bucket : Bucket.values()) {
                Instant from = UnevenBoard.day(START, bucket == Bucket.DAY ? 35 : 64), to = UnevenBoard.day(START, 70);
                MarketAnalysis.Sentiment before = analysis.sentiment(UnevenBoard.MODEL, bucket, from, to);
                // The last day only (what live scoring changes), then a stretch reaching back into the baseline.
                for (Instant changedFrom : List.of(to.minus(Duration.ofDays(1)), from.minus(Duration.ofDays(5)))) {
                    List<Long> changed = landPredictions(db, board, changedFrom, to);
                    MarketAnalysis.Sentiment updated = analysis.update(before, UnevenBoard.MODEL, changed);
                    assertThat(updated).as(bucket + " from " + changedFrom).isNotEqualTo(before)
                            .isEqualTo(analysis.sentiment(UnevenBoard.MODEL, bucket, from, to));
                    before = updated;
                }
            }
        }
    }

    @Test
    void postsOutsideTheRangeChangeNothingAndAnotherModelReadsAfresh(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("m.db"))) {
            UnevenBoard board = UnevenBoard.fill(db, START, 70, 5);
            MarketAnalysis analysis = new MarketAnalysis(db, new PriceRepository(db));
            Instant from = UnevenBoard.day(START, 40), to = UnevenBoard.day(START, 50);
            MarketAnalysis.Sentiment before = analysis.sentiment(UnevenBoard.MODEL, Bucket.DAY, from, to);
            List<Long> later = board.posts.stream().filter(p -> !p.postedAt().isBefore(to)).map(UnevenBoard.Post::id).toList();
            assertThat(later).isNotEmpty();
            assertThat(analysis.update(before, UnevenBoard.MODEL, later)).isSameAs(before);
            assertThat(analysis.update(before, UnevenBoard.MODEL, List.of(999_999L))).isSameAs(before);  // not in the store
            assertThat(analysis.update(before, "other", later)).isEqualTo(analysis.sentiment("other", Bucket.DAY, from, to));
        }
    }

    /** Predictions for posts of {@code [from, to)}: new ones for unscored posts, fresh ones for a few scored; a label too. */
    private static List<Long> landPredictions(Database db, UnevenBoard board, Instant from, Instant to) {
        List<Long> changed = new ArrayList<>();
        db.writeVoid(ctx -> {
            for (UnevenBoard.Post p : board.posts) {
                if (p.postedAt().isBefore(from) || !p.postedAt().isBefore(to)) continue;
                if (!p.scored() || board.random().nextInt(10) == 0) {
                    board.predict(ctx, p.id(), UnevenBoard.MODEL);
                    changed.add(p.id());
                }
            }
        });
        UnevenBoard.Post labelled = board.posts.stream().filter(p -> !p.sticky() && !p.postedAt().isBefore(from)
                && p.postedAt().isBefore(to)).findFirst().orElseThrow();
        new LabelRepository(db).save(Label.rated(labelled.id(), 1, "late", labelled.postedAt().plusSeconds(1), null, null));
        changed.add(labelled.id());
        return changed;
    }
}
