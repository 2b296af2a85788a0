package com.bizcharts.sentiment.fusion;

import com.bizcharts.sentiment.image.ImageHashIndex;
import com.bizcharts.sentiment.image.LabeledImageIndex;
import com.bizcharts.sentiment.image.PerceptualHash;
import com.bizcharts.store.labels.SentimentLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The repost-neighbour signal: /biz/ reposts the same memes constantly, so the labels of labeled images whose
 * perceptual hash lies within {@code maxDistance} bits of a thumbnail's are evidence about the post. Each of the
 * nearest {@code neighbours} votes for its label with weight {@code 1 - d / (maxDistance + 1)} (an exact repost
 * counts 1, one at the threshold almost nothing), smoothed toward uniform by one pseudo-vote: a single exact match
 * gives 2/3 to its label, three give 5/6. A post is never its own neighbour (its label would leak into its
 * prediction); a post with no labeled look-alike has no reading.
 */
public final class RepostSignal implements SignalSource {

    /** Near-duplicates (resized, recompressed, recaptioned) sit within ~10 bits; unrelated images average ~32. */
    public static final int DEFAULT_MAX_DISTANCE = 10;
    public static final int DEFAULT_NEIGHBOURS = 5;
    private static final double PSEUDO_VOTES = 1.0;

    private final Supplier<ImageHashIndex> index;
    private final int maxDistance;
    private final int neighbours;

    /** @param index the labeled hashes, asked once per batch (a database-backed one refreshes itself) */
    public RepostSignal(Supplier<ImageHashIndex> index, int maxDistance, int neighbours) {
        if (maxDistance < 0 || maxDistance > 64) throw new IllegalArgumentException("repost distance must be 0-64 bits, got " + maxDistance);
        if (neighbours < 1) throw new IllegalArgumentException("repost neighbours must be at least 1, got " + neighbours);
        this.index = index;
        this.maxDistance = maxDistance;
        this.neighbours = neighbours;
    }

    @Override
    public Signal signal() {
        return Signal.REPOST;
    }

    @Override
    public List<SignalReading> read(List<SignalInput> batch) {
        ImageHashIndex labeled = index.get();
        List<SignalReading> out = new ArrayList<>(batch.size());
        for (SignalInput in : batch) {
            if (labeled.size() == 0 || !in.thumbnail().used()) {
                out.add(null);
                continue;
            }
            String self = Long.toString(in.post().threadId());
            List<ImageHashIndex.Match> near = new ArrayList<>();
            for (ImageHashIndex.Match m : labeled.nearest(PerceptualHash.of(in.thumbnail().image()), neighbours + 1, maxDistance)) {
                if (!m.key().equals(self) && near.size() < neighbours) near.add(m);
            }
            out.add(near.isEmpty() ? null : reading(near));
        }
        return out;
    }

    /** The distance-weighted, smoothed vote of the matches (nearest first). */
    SignalReading reading(List<ImageHashIndex.Match> near) {
        double[] votes = new double[3];
        double total = 0;
        List<String> parts = new ArrayList<>();
        for (ImageHashIndex.Match m : near) {
            double w = 1.0 - (double) m.distance() / (maxDistance + 1);
            votes[SentimentLabel.ofWord(m.label()).index()] += w;
            total += w;
            parts.add(m.label() + " at " + m.distance());
        }
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) p[k] = (votes[k] + PSEUDO_VOTES / 3) / (total + PSEUDO_VOTES);
        String detail = String.format(Locale.ROOT, "(%d labeled look-alike%s: %s bits)", near.size(),
                near.size() == 1 ? "" : "s", String.join(", ", parts));
        return new SignalReading(Signal.REPOST, p, detail);
    }
}
