package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalInput;
import com.bizcharts.sentiment.fusion.SignalReading;
import com.bizcharts.sentiment.fusion.SignalSource;
import com.bizcharts.store.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The context signal: the board's mood when the post was made, i.e. the mean class probabilities of the threads
 * posted in the {@code window} before it (each thread's latest prediction, whatever model made it). "WAGMI" in a
 * crash is cope, in a rally it is a cheer; the mood is what tells them apart when the text cannot. Point-in-time:
 * only threads posted strictly before the post count. Fewer than {@code minPosts} of them and the post gets no
 * context reading rather than a guess.
 */
public final class BoardMoodSignal implements SignalSource {

    /** One earlier thread: when it was posted and what its latest prediction said. */
    record Mood(Instant postedAt, double[] probabilities) {}

    /** Earlier threads posted in [from, to), oldest first. */
    @FunctionalInterface
    interface History {
        List<Mood> between(Instant from, Instant to);
    }

    private final History history;
    private final Duration window;
    private final int minPosts;

    BoardMoodSignal(History history, Duration window, int minPosts) {
        if (window.isNegative() || window.isZero() || minPosts < 1)
            throw new IllegalArgumentException("board mood needs a positive window and at least 1 post");
        this.history = history;
        this.window = window;
        this.minPosts = minPosts;
    }

    /** Reads the store: one query per batch, over the batch's time span plus the window. */
    public static BoardMoodSignal stored(Database db, Duration window, int minPosts) {
        PredictionRepository predictions = new PredictionRepository(db);
        return new BoardMoodSignal((from, to) -> predictions.latestBetween(from, to).stream()
                .map(l -> new Mood(l.postedAt(), l.probabilities())).toList(), window, minPosts);
    }

    @Override
    public Signal signal() {
        return Signal.CONTEXT;
    }

    @Override
    public List<SignalReading> read(List<SignalInput> batch) {
        List<SignalReading> out = new ArrayList<>(batch.size());
        Instant first = null, last = null;
        for (SignalInput in : batch) {
            Instant t = in.post().postedAt();
            if (t == null) continue;
            if (first == null || t.isBefore(first)) first = t;
            if (last == null || t.isAfter(last)) last = t;
        }
        if (first == null) {
            for (int i = 0; i < batch.size(); i++) out.add(null);
            return out;
        }
        List<Mood> moods = history.between(first.minus(window), last);
        // Prefix sums over time-ordered threads: each post's window is a contiguous range, found by binary search.
        long[] times = new long[moods.size()];
        double[][] sums = new double[moods.size() + 1][3];
        for (int i = 0; i < moods.size(); i++) {
            times[i] = moods.get(i).postedAt().toEpochMilli();
            for (int k = 0; k < 3; k++) sums[i + 1][k] = sums[i][k] + moods.get(i).probabilities()[k];
        }
        for (SignalInput in : batch) {
            Instant t = in.post().postedAt();
            if (t == null) {
                out.add(null);
                continue;
            }
            int from = lowerBound(times, t.minus(window).toEpochMilli());
            int to = lowerBound(times, t.toEpochMilli());
            int n = to - from;
            if (n < minPosts) {
                out.add(null);
                continue;
            }
            double[] p = new double[3];
            for (int k = 0; k < 3; k++) p[k] = (sums[to][k] - sums[from][k]) / n;
            out.add(new SignalReading(Signal.CONTEXT, p, String.format(Locale.ROOT,
                    "(board mood: %d threads in the previous %d h, bearish %.2f / bullish %.2f)", n, window.toHours(), p[0], p[2])));
        }
        return out;
    }

    /** First index whose time is at or after {@code t}. */
    private static int lowerBound(long[] times, long t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) return -i - 1;
        while (i > 0 && times[i - 1] == t) i--;
        return i;
    }
}
