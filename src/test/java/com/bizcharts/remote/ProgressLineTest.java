package com.bizcharts.remote;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    @Test
    void parsesTheThreeMarkersAndIgnoresEverythingElse() {
        var step = (ProgressLine.Step) ProgressLine.parse(
                "PROGRESS {\"epoch\": 0.5, \"eval_macro_f1\": 0.42, \"loss\": 1.25, \"step\": 3, \"total_steps\": 21}").orElseThrow();
        assertThat(step).isEqualTo(new ProgressLine.Step(ProgressLine.TRAIN, 3, 21, 0.5, 1.25, 0.42));
        assertThat(ProgressLine.parse("FAILED {\"error\": \"CUDA out of memory\"}")).get()
                .isEqualTo(new ProgressLine.Failed("CUDA out of memory"));
        assertThat(ProgressLine.parse("DONE {\"steps\": 4}").orElseThrow()).isInstanceOf(ProgressLine.Done.class);
        assertThat(ProgressLine.parse("Loading checkpoint shards: 100%")).isEmpty();
        assertThat(ProgressLine.parse("PROGRESS {\"step\": 3, \"tot")).as("half-written line").isEmpty();
        assertThat(ProgressLine.parse("PROGRESS [1,2]")).isEmpty();
        assertThat(((ProgressLine.Step) ProgressLine.parse("PROGRESS {\"step\":1,\"loss\":null}").orElseThrow()).loss()).isNull();
    }

    @Test
    void etaComesFromThePaceSinceTheFirstObservedStep() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        TrainingProgress p = TrainingProgress.starting();
        p = p.after(new ProgressLine.Step(ProgressLine.TRAIN, 11, 110, 0.1, 2.0, null), 10, t0, t0.plusSeconds(10));
        assertThat(p.eta()).isEqualTo(Duration.ofSeconds(990));
        p = p.after(new ProgressLine.Step(ProgressLine.TRAIN, 20, 110, 0.2, 1.5, 0.4), 10, t0, t0.plusSeconds(100));
        assertThat(p.eta()).isEqualTo(Duration.ofSeconds(900));
        assertThat(p.summary()).isEqualTo("running step 20/110 (18%) loss 1.5000 val macro-F1 0.400 ETA 15m00s");
        p = p.after(new ProgressLine.Step(ProgressLine.TRAIN, 21, 110, 0.2, null, null), 10, t0, t0.plusSeconds(110));
        assertThat(p.loss()).as("a step without loss keeps the last one").isEqualTo(1.5);
        assertThat(p.after(new ProgressLine.Failed("boom"), 10, t0, t0).summary()).startsWith("failed step 21/110").endsWith("- boom");
    }

    @Test
    void theStudentsDistillationIsItsOwnStageWithItsOwnFigures() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        TrainingProgress p = TrainingProgress.starting()
                .after(new ProgressLine.Step(ProgressLine.TRAIN, 6, 6, 2.0, 5.78, 0.41), 0, t0, t0.plusSeconds(60));
        var distil = (ProgressLine.Step) ProgressLine.parse(
                "PROGRESS {\"epoch\": 0.0, \"loss\": 0.36, \"stage\": \"distil\", \"step\": 1, \"total_steps\": 8}").orElseThrow();
        assertThat(distil.stage()).isEqualTo("distil");
        p = p.after(distil, 0, t0.plusSeconds(60), t0.plusSeconds(62));
        assertThat(p.evalMacroF1()).as("the VLM's validation score is not the student's").isNull();
        assertThat(p.eta()).isEqualTo(Duration.ofSeconds(14));
        assertThat(p.summary()).isEqualTo("running distil step 1/8 (13%) loss 0.3600 ETA 0m14s");
    }

    @Test
    void datasetSplitIsAFixedFunctionOfTheThreadId() {
        long inVal = java.util.stream.LongStream.range(0, 10_000).filter(id -> DatasetExport.inValidation(id, 0.1)).count();
        assertThat(inVal).isBetween(900L, 1100L);
        assertThat(DatasetExport.inValidation(123456789L, 0.1)).isEqualTo(DatasetExport.inValidation(123456789L, 0.1));
        assertThat(java.util.stream.LongStream.range(0, 1000).noneMatch(id -> DatasetExport.inValidation(id, 0.0))).isTrue();
    }
}
