package com.bizcharts.sentiment.image;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageHashIndexTest {

    @Test
    void repostFindsItsLabeledOriginal() throws IOException {
        ImageHashIndex index = new ImageHashIndex();
        index.add("pink.png", "bearish", PerceptualHash.of(PerceptualHashTest.blob(200, 200)));
        index.add("candles.png", "bullish", PerceptualHash.of(PerceptualHashTest.candles(200, 200)));

        long repost = PerceptualHash.decode(PerceptualHashTest.jpeg(PerceptualHashTest.scaled(PerceptualHashTest.candles(200, 200), 90, 90), 0.5f)).hash();
        var match = index.nearest(repost, 10);

        assertThat(match).isPresent();
        assertThat(match.get().key()).isEqualTo("candles.png");
        assertThat(match.get().label()).isEqualTo("bullish");
    }

    @Test
    void nearestOrdersByDistanceAndRespectsTheLimit() {
        ImageHashIndex index = new ImageHashIndex();
        for (int i = 0; i < 100; i++) index.add("k" + i, "neutral", (1L << (i % 64)) - 1);  // i%64 low bits set
        var found = index.nearest(0L, 3, 2);
        assertThat(found).extracting(ImageHashIndex.Match::distance).containsExactly(0, 0, 1);
        assertThat(found).extracting(ImageHashIndex.Match::key).containsExactly("k0", "k64", "k1");
        assertThat(index.nearest(-1L, 5, 0)).isEmpty();
        assertThat(index.size()).isEqualTo(100);
        assertThatThrownBy(() -> index.nearest(0L, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
