package com.bizcharts.learn.replay;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReplayBufferTest {

    @Test
    void holdsEverythingUntilFull() {
        ReplayBuffer<Integer> buffer = new ReplayBuffer<>(10, 1);
        IntStream.range(0, 7).forEach(buffer::offer);
        assertThat(buffer.contents()).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void keepsAUniformSampleOfALongStream() {
        // Over many seeded runs each of 100 items should be kept about capacity/n = 20 % of the time,
        // early ones as often as late ones (the point of reservoir sampling).
        int[] kept = new int[100];
        int runs = 2_000;
        for (int seed = 0; seed < runs; seed++) {
            ReplayBuffer<Integer> buffer = new ReplayBuffer<>(20, seed);
            IntStream.range(0, 100).forEach(buffer::offer);
            assertThat(buffer.size()).isEqualTo(20);
            buffer.contents().forEach(i -> kept[i]++);
        }
        double firstTen = IntStream.range(0, 10).map(i -> kept[i]).sum() / (10.0 * runs);
        double lastTen = IntStream.range(90, 100).map(i -> kept[i]).sum() / (10.0 * runs);
        assertThat(firstTen).isCloseTo(0.2, within(0.02));
        assertThat(lastTen).isCloseTo(0.2, within(0.02));
    }

    @Test
    void trainingMixIsSeventyThirtyByDefault() {
        ReplayBuffer<String> buffer = new ReplayBuffer<>(ReplayBuffer.DEFAULT_CAPACITY, 42);
        IntStream.range(0, 500).forEach(i -> buffer.offer("old" + i));
        List<String> fresh = IntStream.range(0, 70).mapToObj(i -> "new" + i).toList();
        List<String> mix = buffer.trainingMix(fresh, ReplayBuffer.DEFAULT_REPLAY_SHARE);
        assertThat(mix).hasSize(100).containsAll(fresh);
        assertThat(mix.stream().filter(s -> s.startsWith("old")).distinct().count()).isEqualTo(30);
    }

    @Test
    void mixIsLimitedByWhatTheBufferHolds() {
        ReplayBuffer<String> buffer = new ReplayBuffer<>(100, 42);
        buffer.offer("old");
        assertThat(buffer.trainingMix(List.of("a", "b", "c", "d", "e", "f", "g"), 0.3)).hasSize(8);
    }
}
