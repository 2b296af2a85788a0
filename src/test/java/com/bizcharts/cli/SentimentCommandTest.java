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

    @Test
    void withBoardTheOnePostReadsRepostsAndTheBoardsMoodFromTheDatabase() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        javax.imageio.ImageIO.write(com.bizcharts.sentiment.image.PerceptualHashTest.blob(250, 200), "jpg", images.resolve("1s.jpg").toFile());
        Path mine = dir.resolve("mine.jpg"); // the same picture at half size: a repost
        javax.imageio.ImageIO.write(com.bizcharts.sentiment.image.PerceptualHashTest.blob(125, 100), "jpg", mine.toFile());
        Path config = Files.writeString(dir.resolve("settings.toml"), "[paths]\nimages = \"" + images.toString().replace("\\", "/") + "\"\n");
        String db = dir.resolve("board.db").toString();
        java.time.Instant t = java.time.Instant.parse("2026-11-30T12:00:00Z");
        try (var d = com.bizcharts.store.Database.open(Path.of(db))) {
            var ops = new java.util.ArrayList<com.bizcharts.store.ThreadOp>();
            for (int i = 1; i <= 12; i++) // one labeled thread with the picture, and a gloomy board in the hours before t
                ops.add(new com.bizcharts.store.ThreadOp(i, "biz", "", null, "ngmi, it's over, rekt", "Anonymous", null,
                        t.minusSeconds(600L * i), 0, 0, null, i == 1 ? "1s.jpg" : null, false, false,
                        com.bizcharts.store.ThreadOp.Source.LIVE));
            new com.bizcharts.store.ThreadRepository(d).upsert(ops, java.time.Instant.EPOCH);
            new com.bizcharts.store.LabelRepository(d).save(new com.bizcharts.store.Label(1, 1, false, "default",
                    java.time.Instant.parse("2026-11-30T13:00:00Z"), null, null, null));
        }
        assertThat(CliTest.run("--config", config.toString(), "--db", db, "score").exitCode()).isZero();

        CliTest r = CliTest.run("--config", config.toString(), "--db", db, "sentiment", "what do you think",
                "--image", mine.toString(), "--board", "--posted-at", "2026-11-30T12:30:00Z", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String drivers = new ObjectMapper().readTree(r.out()).get("drivers").toString();
        assertThat(drivers).contains("repost:-").contains("board mood: 12 threads in the previous 6 h");

        CliTest without = CliTest.run("--config", config.toString(), "--db", db, "sentiment", "what do you think",
                "--image", mine.toString(), "--json");
        assertThat(new ObjectMapper().readTree(without.out()).get("drivers").toString())
                .doesNotContain("repost:").doesNotContain("board mood");

        CliTest noDb = CliTest.run("--db", dir.resolve("none.db").toString(), "sentiment", "gm", "--board");
        assertThat(noDb.exitCode()).isNotZero();
        assertThat(noDb.err().strip()).startsWith("error: no database at").endsWith("for --board");
        assertThat(dir.resolve("none.db")).doesNotExist();
    }
}
