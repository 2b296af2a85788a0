package com.bizcharts.cli;

import com.bizcharts.sentiment.ocr.ImageText;
import com.bizcharts.sentiment.ocr.captions.CaptionFont;
import com.bizcharts.sentiment.ocr.captions.CaptionSet;
import com.bizcharts.store.Database;
import com.bizcharts.store.ImageTextRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code bizcharts ocr} reads thumbnails with the engine {@code [ocr] engine} names: PaddleOCR unless told otherwise. */
class OcrEngineChoiceTest {

    @TempDir
    Path dir;

    @Test
    void theOcrPassUsesPaddleByDefaultAndStoresWhatItRead() throws Exception {
        String db = storeWithAMeme();
        CliTest r = CliTest.run("--config", config("").toString(), "--db", db, "ocr");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("read 1 thumbnails (1 with text), ").contains("(PaddleOCR PP-OCRv4)");
        try (Database d = Database.open(Path.of(db))) {
            assertThat(new ImageTextRepository(d).textOf(1)).isEqualTo("SELL YOUR BITCOIN NOW");
        }
    }

    @Test
    void tesseractStaysSelectable() throws Exception {
        assumeTrue(ImageText.english().enabled(), "Tesseract not installed here");
        String db = storeWithAMeme();
        CliTest r = CliTest.run("--config", config("engine = \"tesseract\"\n").toString(), "--db", db, "ocr");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("(Tesseract)");
    }

    @Test
    void anUnknownEngineIsAClearError() throws Exception {
        String db = storeWithAMeme();
        CliTest r = CliTest.run("--config", config("engine = \"easyocr\"\n").toString(), "--db", db, "ocr");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("unknown OCR engine 'easyocr' ([ocr] engine): choose \"paddle\" or \"tesseract\"");
    }

    private Path config(String ocrKeys) throws Exception {
        Path images = dir.resolve("images");
        Path config = dir.resolve("settings.toml");
        Files.writeString(config, "[paths]\nimages = \"" + images.toString().replace("\\", "/") + "\"\n[ocr]\n" + ocrKeys);
        return config;
    }

    private String storeWithAMeme() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        CaptionSet.Caption c = new CaptionSet.Caption(CaptionSet.Background.generated(3), "SELL YOUR BITCOIN", "NOW");
        ImageIO.write(CaptionSet.render(c, CaptionFont.anton()).thumbnail(), "jpg", images.resolve("1s.jpg").toFile());
        String db = dir.resolve("o.db").toString();
        try (Database d = Database.open(Path.of(db))) {
            new ThreadRepository(d).upsert(List.of(new ThreadOp(1, "biz", "", null, "look", "Anonymous", null,
                    Instant.parse("2025-10-08T00:00:00Z"), 0, 0, null, "1s.jpg", false, false, ThreadOp.Source.LIVE)), Instant.EPOCH);
        }
        return db;
    }
}
