package com.bizcharts.cli;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.sentiment.onnx.TinyStudent;
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
    void evalMeasuresAnOnnxStudentAsPulledFromRemoteTraining() throws Exception {
        Path student = TinyStudent.write(dir.resolve("student"), "student-eval", "", false);
        Path data = dir.resolve("posts.jsonl");
        String[][] rows = {{"wagmi moon", "bullish"}, {"moon moon", "bullish"}, {"rekt", "bearish"},
                {"ngmi rekt", "bearish"}, {"coin", "neutral"}, {"wagmi", "bearish"}};
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < rows.length; i++)
            lines.append("{\"thread_id\": ").append(100 + i).append(", \"board\": \"biz\", \"subject\": \"\", \"text\": \"")
                    .append(rows[i][0]).append("\", \"label\": \"").append(rows[i][1]).append("\"}\n");
        java.nio.file.Files.writeString(data, lines);

        CliTest eval = CliTest.run("eval", "--model", student.toString(), "--data", data.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(eval.out());
        assertThat(r.get("model").asText()).isEqualTo("student-eval");
        // the tiny student reads wagmi/moon as bullish, rekt/ngmi as bearish, anything else as neutral:
        // five of six right, the last post's label disagrees with its word on purpose
        assertThat(r.get("accuracy").asDouble()).isCloseTo(5 / 6.0, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(r.get("per_class").get("bullish").get("support").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIsOneLineAndNonZero() {
        CliTest noModel = CliTest.run("eval", "--model", dir.resolve("none").toString(), "--data", "x.jsonl");
        assertThat(noModel.exitCode()).isNotZero();
        assertThat(noModel.err().strip()).startsWith("error: model directory not found").doesNotContain("\n");
        CliTest noData = CliTest.run("train", "--data", dir.resolve("missing.jsonl").toString(), "--out", dir.resolve("m").toString());
        assertThat(noData.exitCode()).isNotZero();
        assertThat(noData.err().strip()).isEqualTo("error: labels file " + dir.resolve("missing.jsonl") + " not found");
    }
}
