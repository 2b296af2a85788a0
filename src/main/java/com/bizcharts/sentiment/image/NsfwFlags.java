package com.bizcharts.sentiment.image;

import ai.onnxruntime.OrtException;
import com.bizcharts.store.ImageFlagRepository;
import com.bizcharts.store.ImageFlagRepository.Flag;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A post's NSFW flag: MobileNetV2's hentai + porn + sexy probabilities on its thumbnail, against a threshold, read
 * once and kept ({@code image_flags}). The network (10 MB of weights) is opened on the first read.
 */
public final class NsfwFlags implements AutoCloseable {

    private final ImageFlagRepository flags;
    private final double threshold;
    private final Clock clock;
    private MobileNetFeatures mobileNet; // guarded by this

    public NsfwFlags(ImageFlagRepository flags, double threshold, Clock clock) {
        this.flags = flags;
        this.threshold = threshold;
        this.clock = clock;
    }

    /** The stored flag, or one read from {@code thumbnail} now; empty without a decodable thumbnail. */
    public Optional<Flag> of(long threadId, Path thumbnail) {
        var known = flags.find(threadId);
        if (known.isPresent() || thumbnail == null) return known;
        Thumbnail t = Thumbnail.read(thumbnail);
        if (!t.used()) return Optional.empty();
        try {
            var reading = mobileNet().read(t.image());
            double nsfw = reading.probability(MobileNetFeatures.Category.HENTAI) + reading.probability(MobileNetFeatures.Category.PORN)
                    + reading.probability(MobileNetFeatures.Category.SEXY);
            Flag flag = new Flag(threadId, nsfw, nsfw >= threshold);
            flags.save(flag, clock.instant());
            return Optional.of(flag);
        } catch (IOException | OrtException e) {
            return Optional.empty(); // no reading: the label view shows the thumbnail as it is
        }
    }

    private synchronized MobileNetFeatures mobileNet() throws IOException, OrtException {
        if (mobileNet == null) mobileNet = MobileNetFeatures.bundled(1);
        return mobileNet;
    }

    @Override
    public synchronized void close() {
        if (mobileNet != null) mobileNet.close();
        mobileNet = null;
    }
}
