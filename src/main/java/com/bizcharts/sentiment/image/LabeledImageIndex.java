package com.bizcharts.sentiment.image;

import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.store.Database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;


/**
 * The repost index kept in step with the labels: every human-labeled post with a thumbnail, under its thread id and
 * its (majority, else latest) label. Golden-set posts are left out: they are the frozen test set, and their labels
 * must not reach the predictions they are judged against. Each thumbnail is hashed once (hashes are cached by path);
 * whether the labels changed is checked with one small query at most every {@code recheck}, so asking per batch is
 * cheap, and a label given in the workstation reaches scoring without a restart.
 */
public final class LabeledImageIndex implements Supplier<ImageHashIndex> {

    private final com.bizcharts.store.LabelRepository labels;
    private final Path imagesDir;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> hashes = new ConcurrentHashMap<>();
    private ImageHashIndex current = new ImageHashIndex();
    private String fingerprint = "";
    private long checkedAt;
    private boolean checked;

    public LabeledImageIndex(Database db, Path imagesDir, Duration recheck, LongSupplier nanoTime) {
        this.labels = new com.bizcharts.store.LabelRepository(db);
        this.imagesDir = imagesDir;
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    public LabeledImageIndex(Database db, Path imagesDir) {
        this(db, imagesDir, Duration.ofSeconds(10), System::nanoTime);
    }

    /** The index, rebuilt first when the labels changed since the last look (looked at most every recheck). */
    @Override
    public synchronized ImageHashIndex get() {
        long now = nanoTime.getAsLong();
        if (!checked || now - checkedAt >= recheckNanos) {
            checked = true;
            checkedAt = now;
            String f = fingerprint();
            if (!f.equals(fingerprint)) {
                current = build();
                fingerprint = f;
            }
        }
        return current;
    }

    /** Changes whenever a label is added, changed or removed, or the golden set grows. */
    private String fingerprint() {
        return labels.fingerprint();
    }

    private ImageHashIndex build() {
        record Rated(long threadId, String thumbnail, int[] votes, String latest, SentimentLabel latestLabel) {}
        Map<Long, Rated> byThread = new HashMap<>();
        for (var r : labels.ratedThumbnails()) {
            long id = r.threadId();
            SentimentLabel label = SentimentLabel.ofRating(r.rating());
            String at = r.labeledAt();
            Rated prev = byThread.get(id);
            int[] votes = prev == null ? new int[3] : prev.votes();
            votes[label.index()]++;
            boolean later = prev == null || at.compareTo(prev.latest()) > 0;
            byThread.put(id, new Rated(id, r.thumbnailPath(), votes, later ? at : prev.latest(),
                    later ? label : prev.latestLabel()));
        }
        List<Rated> rated = new ArrayList<>(byThread.values());
        rated.sort(Comparator.comparingLong(Rated::threadId));
        // only readable thumbnails are cached: a missing one may be downloaded later, and is cheap to look for again
        rated.parallelStream().filter(r -> !hashes.containsKey(r.thumbnail())).forEach(r -> {
            PerceptualHash.Result h = PerceptualHash.read(imagesDir.resolve(r.thumbnail()));
            if (h.used()) hashes.put(r.thumbnail(), h.hash());
        });
        ImageHashIndex index = new ImageHashIndex();
        for (Rated r : rated) {
            Long h = hashes.get(r.thumbnail());
            if (h != null) index.add(Long.toString(r.threadId()), majority(r.votes(), r.latestLabel()).word(), h);
        }
        return index;
    }

    private static SentimentLabel majority(int[] votes, SentimentLabel latest) {
        int best = latest.index();
        for (int k = 0; k < 3; k++) if (votes[k] > votes[best]) best = k;
        return SentimentLabel.ofIndex(best);
    }
}
