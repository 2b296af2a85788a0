package com.bizcharts.index;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The formula of docs/fear-greed.md, pinned on examples computed by hand. */
class FearGreedIndexTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] NONE = new String[0];

    private static PostSignal human(int rating) {
        return new PostSignal(0, rating == 1 ? 1 : 0, rating == 2 ? 1 : 0, rating == 3 ? 1 : 0, 1, 0, 0, 0, NONE);
    }

    @Test
    void balancedBucketIsNeutral() {
        IndexPoint p = FearGreedIndex.point(T, List.of(human(3), human(1)), 0);
        assertThat(p.sentiment()).isEqualTo(50);
        assertThat(p.bullishShare()).isEqualTo(50);
        assertThat(p.activity()).isEqualTo(50);
        assertThat(p.value()).isEqualTo(50);
        assertThat(p.sufficient()).isFalse();
    }

    @Test
    void allBullishIsGreedShrunkByTheSmallSample() {
        // raw = 0.40*100 + 0.35*100 + 0.25*50 = 87.5; n_eff = 4; value = 50 + 37.5 * 4/14
        IndexPoint p = FearGreedIndex.point(T, Collections.nCopies(4, human(3)), 0);
        assertThat(p.value()).isCloseTo(50 + 37.5 * 4 / 14, within(1e-9));
        assertThat(p.sentiment()).isEqualTo(100);
        assertThat(p.bullishShare()).isEqualTo(100);
    }

    @Test
    void sarcasmTurnsACheerfulTextAroundAndActivityFollowsTheMood() {
        // One post: P = (0.1, 0.1, 0.8), confidence 0.8, sarcasm 0.9, replies e-1 (engagement 2, weight 1.6).
        PostSignal p = new PostSignal(0, 0.1, 0.1, 0.8, 0.8, 0.9, (int) 0, 0, NONE);
        PostSignal engaged = new PostSignal(0, 0.1, 0.1, 0.8, 0.8, 0.9, 1, 0, NONE);
        assertThat(engaged.engagement()).isCloseTo(1 + Math.log(2), within(1e-12));
        IndexPoint point = FearGreedIndex.point(T, List.of(p), 2.0);
        double sentiment = 50 * (1 + 0.7 * (1 - 1.8));                 // 22
        double share = 100 * 0.8 / 0.9;
        double activity = 50 - 50 * Math.tanh(1.0);                    // busy and fearful: more fear
        double raw = 0.40 * sentiment + 0.35 * share + 0.25 * activity;
        assertThat(point.sentiment()).isCloseTo(22, within(1e-9));
        assertThat(point.balance()).isCloseTo(85, within(1e-9));
        assertThat(point.activity()).isCloseTo(activity, within(1e-9));
        assertThat(point.value()).isCloseTo(50 + (raw - 50) / 11, within(1e-9));
    }

    @Test
    void activityIsMeasuredAgainstEarlierBucketsOnly() {
        List<BucketTotals> buckets = new ArrayList<>();
        int[] counts = {10, 12, 8, 10, 30};
        for (int c : counts) buckets.add(BucketTotals.of(Collections.nCopies(c, human(3))));
        // Baseline for the last bucket: 10, 12, 8, 10 -> mean 10, sd sqrt(2); z = 20 / sqrt(2)
        assertThat(FearGreedIndex.activityZ(buckets, 4, 30)).isCloseTo(20 / Math.sqrt(2), within(1e-9));
        assertThat(FearGreedIndex.activityZ(buckets, 2, 30)).isZero(); // fewer than 3 earlier buckets
        List<IndexPoint> points = FearGreedIndex.compute(Bucket.DAY, T, buckets, 3);
        assertThat(points).hasSize(2);
        assertThat(points.get(1).bucket()).isEqualTo(T.plusSeconds(4 * 86_400L));
        assertThat(points.get(1).sufficient()).isTrue();
        assertThat(points.get(1).value()).isGreaterThan(points.get(0).value());
    }
}
