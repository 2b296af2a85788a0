package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalInput;
import com.bizcharts.sentiment.fusion.SignalReading;
import com.bizcharts.sentiment.image.Thumbnail;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BoardMoodSignalTest {

    static final Instant T = Instant.parse("2025-12-15T12:00:00Z");

    static SignalInput at(long id, Instant posted) {
        return new SignalInput(new PostInput(id, null, "wagmi", null, 0, posted), Thumbnail.NONE);
    }

    @Test
    void theMoodIsTheMeanOfTheThreadsPostedInTheWindowBeforeThePost() {
        List<BoardMoodSignal.Mood> history = List.of(
                new BoardMoodSignal.Mood(T.minus(Duration.ofHours(7)), new double[]{0, 0, 1}),     // before the window
                new BoardMoodSignal.Mood(T.minus(Duration.ofHours(6)), new double[]{1, 0, 0}),     // at its start: in
                new BoardMoodSignal.Mood(T.minus(Duration.ofHours(1)), new double[]{0.5, 0.5, 0}),
                new BoardMoodSignal.Mood(T.minus(Duration.ofMinutes(1)), new double[]{0.2, 0.2, 0.6}),
                new BoardMoodSignal.Mood(T, new double[]{0, 0, 1}));                               // same instant: out
        BoardMoodSignal mood = new BoardMoodSignal((from, to) -> history.stream()
                .filter(m -> !m.postedAt().isBefore(from) && m.postedAt().isBefore(to)).toList(), Duration.ofHours(6), 3);
        List<SignalReading> r = mood.read(List.of(at(1, T), at(2, T.minus(Duration.ofMinutes(30))), at(3, null)));
        assertThat(r.get(0).signal()).isEqualTo(Signal.CONTEXT);
        // (1 + 0.5 + 0.2) / 3, (0 + 0.5 + 0.2) / 3, (0 + 0 + 0.6) / 3
        assertThat(r.get(0).probabilities()).containsExactly(new double[]{1.7 / 3, 0.7 / 3, 0.6 / 3}, within(1e-12));
        assertThat(r.get(0).detail()).contains("3 threads in the previous 6 h");
        assertThat(r.get(1)).as("only two threads before 11:30 in its window: too few to say").isNull();
        assertThat(r.get(2)).as("no posting time, no context").isNull();
    }

    @Test
    void theStoreGivesEachEarlierThreadOnceWithItsLatestPrediction(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("m.db"))) {
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                ops.add(new ThreadOp(i, "biz", null, null, "t", null, null, T.minus(Duration.ofHours(i)), 0, 0, null,
                        null, false, false, ThreadOp.Source.LIVE));
            }
            ops.add(new ThreadOp(9, "biz", null, null, "t", null, null, T.plus(Duration.ofMinutes(5)), 0, 0, null,
                    null, false, false, ThreadOp.Source.LIVE));
            new ThreadRepository(db).upsert(ops, T);
            PredictionRepository predictions = new PredictionRepository(db);
            List<PredictionRepository.Stored> rows = new ArrayList<>();
            for (int i = 1; i <= 4; i++) rows.add(stored(i, "old", new double[]{0, 1, 0}, T.minus(Duration.ofDays(1))));
            rows.add(stored(1, "new", new double[]{1, 0, 0}, T)); // thread 1 rescored later: that one counts
            rows.add(stored(9, "new", new double[]{0, 0, 1}, T)); // posted after: never counts
            predictions.saveAll(rows);

            BoardMoodSignal mood = BoardMoodSignal.stored(db, Duration.ofHours(6), 4);
            SignalReading r = mood.read(List.of(at(100, T))).get(0);
            assertThat(r.probabilities()).containsExactly(new double[]{0.25, 0.75, 0}, within(1e-12));
            assertThat(BoardMoodSignal.stored(db, Duration.ofHours(6), 5).read(List.of(at(100, T))).get(0)).isNull();
        }
    }

    static PredictionRepository.Stored stored(long id, String model, double[] p, Instant at) {
        SentimentLabel l = p[0] == 1 ? SentimentLabel.BEARISH : p[2] == 1 ? SentimentLabel.BULLISH : SentimentLabel.NEUTRAL;
        return new PredictionRepository.Stored(id, new Prediction(model, l, p[2] - p[0], 1, p, 0, l, l,
                ImageStatus.MISSING, List.of()), at);
    }
}
