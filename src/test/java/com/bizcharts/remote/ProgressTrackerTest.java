package com.bizcharts.remote;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private static String step(int n, int total) {
        return "PROGRESS {\"step\": " + n + ", \"total_steps\": " + total + ", \"epoch\": 0.1, \"loss\": 1.5}";
    }

    @Test
    void aReplayedBacklogSetsWhereThePaceStartsAndGivesNoEtaOfItsOwn() {
        ProgressTracker tracker = new ProgressTracker();
        // reattached at 19 %: the whole log so far arrives in the first poll
        List<String> backlog = IntStream.rangeClosed(1, 19).mapToObj(i -> step(i, 100)).toList();
        TrainingProgress p = tracker.poll(backlog, T0);
        assertThat(p.step()).isEqualTo(19);
        assertThat(p.eta()).as("no pace can be read from lines that all arrived at once").isNull();
        assertThat(p.summary()).isEqualTo("running step 19/100 (19%) loss 1.5000");

        p = tracker.poll(List.of(), T0.plusSeconds(30));
        assertThat(p.eta()).isNull();
        p = tracker.poll(List.of(step(20, 100)), T0.plusSeconds(60));
        assertThat(p.eta()).as("one step a minute since the reattach: 80 to go").isEqualTo(Duration.ofMinutes(80));
        p = tracker.poll(List.of(step(21, 100), step(22, 100)), T0.plusSeconds(120));
        assertThat(p.eta()).isEqualTo(Duration.ofSeconds(40 * 78));
    }

    @Test
    void aNewStageMeasuresItsOwnPace() {
        ProgressTracker tracker = new ProgressTracker();
        tracker.poll(List.of(step(1, 4)), T0);
        tracker.poll(List.of(step(2, 4)), T0.plusSeconds(100));
        TrainingProgress p = tracker.poll(List.of(step(3, 4), step(4, 4),
                "PROGRESS {\"stage\": \"distil\", \"step\": 1, \"total_steps\": 8, \"epoch\": 0.0, \"loss\": 0.4}"), T0.plusSeconds(200));
        assertThat(p.stage()).isEqualTo("distil");
        assertThat(p.eta()).as("the VLM's pace says nothing about the student's").isNull();
        p = tracker.poll(List.of("PROGRESS {\"stage\": \"distil\", \"step\": 2, \"total_steps\": 8, \"epoch\": 0.1, \"loss\": 0.3}"),
                T0.plusSeconds(202));
        assertThat(p.eta()).isEqualTo(Duration.ofSeconds(12));
        assertThat(tracker.poll(List.of("FAILED {\"error\": \"boom\"}", "DONE {}"), T0.plusSeconds(203)).state())
                .as("the exit code decides the end, not a line").isEqualTo(TrainingProgress.State.RUNNING);
    }
}
