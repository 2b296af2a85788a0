package com.bizcharts.cli;

import com.bizcharts.learn.LabeledFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TrainEvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainWithCrossValidationThenEvalAsJson() throws Exception {
        Path data = LabeledFixture.copyTo(dir);
        Path model = dir.resolve("model");
        CliTest train = CliTest.run("--db", dir.resolve("t.db").toString(), "train", "--data", data.toString(),
                "--out", model.toString(), "--cv", "3", "--baselines");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("3-fold cross-validation").contains("macro-F1").contains("trained embedded-")
                .contains("majority class (always neutral)").contains("plain TF-IDF word 1-2 + LR");
        JsonNode meta = new ObjectMapper().readTree(model.resolve("metadata.json").toFile());
        assertThat(meta.get("kind").asText()).isEqualTo("embedded");
        assertThat(meta.get("training").get("size").asInt()).isEqualTo(36);
        assertThat(meta.get("training").get("sha256").asText()).hasSize(64);
        assertThat(meta.get("metrics").get("folds").asInt()).isEqualTo(3);
        assertThat(meta.get("command").asText()).startsWith("bizcharts train --data");
        assertThat(meta.get("features").toString()).contains("greentext_share");

        CliTest eval = CliTest.run("eval", "--model", model.toString(), "--data", data.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(eval.out());
        assertThat(r.has("accuracy") && r.has("macro_f1") && r.has("per_class") && r.has("confusion")).isTrue();
        assertThat(r.get("accuracy").asDouble()).isGreaterThan(0.8);
        assertThat(r.get("per_class").get("bullish").get("support").asInt()).isEqualTo(12);

        CliTest text = CliTest.run("eval", "--model", model.toString(), "--data", data.toString());
        assertThat(text.out()).contains("accuracy").contains("confusion");
    }

    @Test
    void badInputIsOneLineAndNonZero() {
        CliTest noModel = CliTest.run("eval", "--model", dir.resolve("none").toString(), "--data", "x.jsonl");
        assertThat(noModel.exitCode()).isNotZero();
        assertThat(noModel.err().strip()).startsWith("error: model directory not found").doesNotContain("\n");
        CliTest noData = CliTest.run("train", "--data", dir.resolve("missing.jsonl").toString(), "--out", dir.resolve("m").toString());
        assertThat(noData.exitCode()).isNotZero();
        assertThat(noData.err().strip()).startsWith("error: cannot read labeled posts").doesNotContain("\n");
    }
}
