package com.bizcharts.cli;

import com.bizcharts.sentiment.ocr.ImageText;
import com.bizcharts.sentiment.onnx.OnnxModels;
import com.bizcharts.sentiment.onnx.TinyOnnxModels;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** ONNX models named in the settings join scoring, the one-post command and the prediction id; OCR on request. */
class SignalsCommandTest {

    @TempDir
    Path dir;

    @Test
    void onnxModelsInTheSettingsAreFusedEverywhereAndRegisterAsSignals() throws Exception {
        Path text = dir.resolve("onnx-text");
        TinyOnnxModels.writeTextModel(text);
        Path config = dir.resolve("settings.toml");
        Files.writeString(config, "[signals]\nonnx_text = \"" + text.toString().replace("\\", "/") + "\"\n");
        String onnxId = OnnxModels.id(text);

        CliTest one = CliTest.run("--config", config.toString(), "sentiment", "wagmi moon", "--json");
        assertThat(one.exitCode()).as(one.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(one.out());
        assertThat(o.get("model").asText()).startsWith("embedded-").endsWith("+" + onnxId);
        assertThat(o.get("drivers").toString()).contains("onnx-text:+");
        assertThat(o.has("vader") && o.has("lexicon")).isTrue();

        String db = dir.resolve("s.db").toString();
        try (Database d = Database.open(Path.of(db))) {
            new ThreadRepository(d).upsert(List.of(new ThreadOp(1, "biz", "", null, "ngmi rekt", "Anonymous", null,
                    Instant.parse("2025-10-08T00:00:00Z"), 0, 0, null, null, false, false, ThreadOp.Source.LIVE)), Instant.EPOCH);
        }
        CliTest score = CliTest.run("--config", config.toString(), "--db", db, "score");
        assertThat(score.exitCode()).as(score.err()).isZero();
        assertThat(score.out()).contains("scored 1 posts with embedded-").contains("+" + onnxId)
                .contains("signals: text, image, repost, ocr, context, onnx-text");

        CliTest reg = CliTest.run("--db", db, "models", "register", text.toString());
        assertThat(reg.exitCode()).as(reg.err()).isZero();
        assertThat(reg.out()).startsWith("registered " + onnxId);
        assertThat(CliTest.run("--db", db, "models", "list").out()).contains(onnxId).contains("onnx-text");
        CliTest act = CliTest.run("--db", db, "models", "activate", onnxId);
        assertThat(act.exitCode()).isNotZero();
        assertThat(act.err()).contains("is an onnx-text model").contains("[signals] onnx_text");
    }

    @Test
    void theOneOffCommandReadsTheImagesTextOnRequest() throws Exception {
        ImageText ocr = ImageText.english();
        assumeTrue(ocr.enabled(), "Tesseract not installed here: " + ocr.disabledReason());
        BufferedImage img = new BufferedImage(640, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 160);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString("WE ARE SO BACK", 20, 105);
        g.dispose();
        Path file = dir.resolve("meme.png");
        ImageIO.write(img, "png", file.toFile());
        CliTest r = CliTest.run("sentiment", "what do you think", "--image", file.toString(), "--ocr", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("image_used").asBoolean()).isTrue();
        assertThat(o.get("drivers").toString()).containsIgnoringCase("ocr:+").containsIgnoringCase("so back");
        CliTest noImage = CliTest.run("sentiment", "wagmi", "--ocr");
        assertThat(noImage.exitCode()).isNotZero();
        assertThat(noImage.err().strip()).isEqualTo("error: --ocr needs --image");
    }

    @Test
    void scoringUsesLabeledRepostsAndStoredImageText() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        ImageIO.write(com.bizcharts.sentiment.image.PerceptualHashTest.blob(250, 200), "jpg", images.resolve("1s.jpg").toFile());
        ImageIO.write(com.bizcharts.sentiment.image.PerceptualHashTest.blob(125, 100), "jpg", images.resolve("2s.jpg").toFile());
        Path config = dir.resolve("settings.toml");
        Files.writeString(config, "[paths]\nimages = \"" + images.toString().replace("\\", "/") + "\"\n");
        String db = dir.resolve("r.db").toString();
        try (Database d = Database.open(Path.of(db))) {
            new ThreadRepository(d).upsert(List.of(op(1, "1s.jpg"), op(2, "2s.jpg")), Instant.EPOCH);
            new com.bizcharts.store.LabelRepository(d).save(new com.bizcharts.store.Label(1, 1, false, "default",
                    Instant.parse("2026-01-01T00:00:00Z"), null, null, null));
            d.writeVoid(ctx -> ctx.insertInto(com.bizcharts.store.schema.Tables.IMAGE_TEXTS)
                    .set(com.bizcharts.store.schema.Tables.IMAGE_TEXTS.THREAD_ID, 2L)
                    .set(com.bizcharts.store.schema.Tables.IMAGE_TEXTS.STATUS, "used")
                    .set(com.bizcharts.store.schema.Tables.IMAGE_TEXTS.TEXT, "IT'S OVER")
                    .set(com.bizcharts.store.schema.Tables.IMAGE_TEXTS.READ_AT, "2026-01-01T00:00:00Z").execute());
        }
        CliTest score = CliTest.run("--config", config.toString(), "--db", db, "score");
        assertThat(score.exitCode()).as(score.err()).isZero();
        try (Database d = Database.open(Path.of(db))) {
            var predictions = new com.bizcharts.sentiment.scoring.PredictionRepository(d);
            String id = score.out().lines().filter(l -> l.startsWith("scored")).findFirst().orElseThrow().split(" ")[4].replace(";", "");
            var repost = predictions.find(2, id).orElseThrow().prediction();
            assertThat(repost.imageUsed()).isTrue();
            assertThat(repost.drivers()).anyMatch(dr -> dr.startsWith("repost:-") && dr.contains("bearish at"))
                    .anyMatch(dr -> dr.startsWith("ocr:-") && dr.contains("IT'S OVER"));
            // the labeled post itself has no labeled neighbour but itself, and no OCR text: neither signal
            assertThat(predictions.find(1, id).orElseThrow().prediction().drivers())
                    .noneMatch(dr -> dr.startsWith("repost:") || dr.startsWith("ocr:"));
        }
    }

    private static ThreadOp op(long id, String thumb) {
        return new ThreadOp(id, "biz", "", null, "what is this", "Anonymous", null, Instant.parse("2025-10-08T00:00:00Z"),
                0, 0, null, thumb, false, false, ThreadOp.Source.LIVE);
    }
}
