package com.bizcharts.learn.retrain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class UnseenGoldenTest {

    private static Set<Long> ids(long from, long to) {
        return LongStream.range(from, to).boxed().collect(Collectors.toSet());
    }

    @Test
    void judgesOnTheGoldenPostsOutsideBothTrainingSets() {
        Set<Long> golden = ids(0, 100);
        TrainedOn candidate = new TrainedOn.Posts(ids(90, 200));              // saw 90..99
        TrainedOn active = new TrainedOn.HeldOut(ids(0, 60));                 // kept away from 0..59 only
        UnseenGolden u = UnseenGolden.of(golden, candidate, active, "embedded-a");
        assertThat(u.threadIds()).isEqualTo(ids(0, 60));
        assertThat(u.seenByCandidate()).isEqualTo(10);
        assertThat(u.seenByActive()).isEqualTo(40);
        assertThat(u.notDeciding("x")).isEmpty();
        assertThat(u.describe()).isEqualTo("60 golden posts neither model trained on (of 100)");
    }

    @Test
    void belowTheMinimumItSaysWhyInsteadOfDeciding() {
        Set<Long> golden = ids(0, 40);
        Set<Long> seen = new HashSet<>(ids(0, 40 - UnseenGolden.MINIMUM + 1));
        UnseenGolden justShort = UnseenGolden.of(golden, new TrainedOn.Posts(Set.of()), new TrainedOn.Posts(seen), "embedded-a");
        assertThat(justShort.size()).isEqualTo(UnseenGolden.MINIMUM - 1);
        assertThat(justShort.notDeciding("activate it by hand")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("too few unseen golden posts (" + (UnseenGolden.MINIMUM - 1) + " of 40; the active model embedded-a"
                        + " trained on the rest): not deciding — a verdict needs " + UnseenGolden.MINIMUM)
                .contains("'learn golden --freeze 0.2'").endsWith("or activate it by hand"));

        UnseenGolden both = UnseenGolden.of(golden, new TrainedOn.Posts(golden), new TrainedOn.Posts(golden), "embedded-a");
        assertThat(both.notDeciding("x").orElseThrow()).startsWith("too few unseen golden posts (0 of 40; both models trained on the rest)");
        UnseenGolden none = UnseenGolden.of(Set.of(), new TrainedOn.Posts(Set.of()), new TrainedOn.Posts(Set.of()), "embedded-a");
        assertThat(none.notDeciding("x").orElseThrow()).startsWith("too few unseen golden posts (0 of 0; the golden set is empty)");
    }

    @Test
    void unrecordedTrainingIsTreatedConservativelyAndSaid() {
        Set<Long> golden = ids(0, 50);
        UnseenGolden oldActive = UnseenGolden.of(golden, new TrainedOn.Posts(Set.of()),
                new TrainedOn.Unrecorded("embedded-old records no training posts"), "embedded-old");
        assertThat(oldActive.threadIds()).as("it can only have been favoured").isEqualTo(golden);
        assertThat(oldActive.notDeciding("x")).isEmpty();
        assertThat(oldActive.describe()).endsWith("(embedded-old records no training posts: judged as if it trained on none"
                + " of the golden posts, which can only favour it)");

        UnseenGolden oldCandidate = UnseenGolden.of(golden, new TrainedOn.Unrecorded("run rt-1's export recorded nothing"),
                new TrainedOn.Posts(Set.of()), "embedded-a");
        assertThat(oldCandidate.notDeciding("train it again").orElseThrow()).isEqualTo("run rt-1's export recorded nothing:"
                + " it may have trained on golden posts, which would favour it: not deciding — train it again");
    }

    @Test
    void aStudentsRecordIsReadFromItsLineage() {
        TrainedOn student = TrainedOn.fromLineage("rt-1-student", "{\"source\":\"remote-run\",\"dataset\":{\"golden_ids\":[3,4]}}");
        assertThat(student).isEqualTo(new TrainedOn.HeldOut(Set.of(3L, 4L)));
        assertThat(student.seenAmong(Set.of(1L, 3L))).containsExactly(1L);
        assertThat(TrainedOn.fromLineage("rt-0-student", "{}")).isEqualTo(
                new TrainedOn.Unrecorded("rt-0-student's export recorded no golden posts held out of its training"));
        assertThat(TrainedOn.posts(List.of(5L, 6L)).seenAmong(Set.of(6L, 7L))).containsExactly(6L);
    }
}
