package com.bizcharts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentCommandTest {

    @TempDir
    Path dir;

    @Test
    void scoresOnePostAsJsonWithTheLexiconMembers() throws Exception {
        CliTest r = CliTest.run("sentiment", "crash incoming, rekt, it's over", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("label").asText()).isEqualTo("bearish");
        assertThat(o.get("score").asDouble()).isBetween(-1.0, 0.0);
        double sum = o.get("probabilities").get("bearish").asDouble() + o.get("probabilities").get("neutral").asDouble()
                + o.get("probabilities").get("bullish").asDouble();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(o.get("image_status").asText()).isEqualTo("missing");
        assertThat(o.get("image_used").asBoolean()).isFalse();
        assertThat(o.has("vader")).isTrue();
        assertThat(o.get("lexicon").get("slang_bearish").asInt()).isEqualTo(3);
        assertThat(o.get("drivers").get(0).asText()).startsWith("text:");
    }

    @Test
    void aCorruptImageIsRecordedAndAMissingOneIsAnError() throws Exception {
        Path corrupt = dir.resolve("broken.jpg");
        Files.write(corrupt, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        CliTest r = CliTest.run("sentiment", "wagmi", "--image", corrupt.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("label").contains("image        undecodable");
        CliTest missing = CliTest.run("sentiment", "wagmi", "--image", dir.resolve("none.jpg").toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err().strip()).startsWith("error: image not found");
    }
}
