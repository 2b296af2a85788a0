package com.bizcharts.sentiment.ocr;

import com.bizcharts.sentiment.ocr.captions.CaptionFont;
import com.bizcharts.sentiment.ocr.captions.CaptionSet;
import com.bizcharts.sentiment.ocr.captions.MemeCaption;
import com.bizcharts.sentiment.ocr.paddle.PaddleModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped PP-OCRv4 models (committed under models/paddleocr, bundled as resources) read meme captions. */
class PaddleEngineTest {

    static ImageText paddle;

    @BeforeAll
    static void open() {
        paddle = ImageText.of("paddle", Path.of("unused"), "eng");
    }

    @AfterAll
    static void close() {
        paddle.close();
    }

    @Test
    void theBundledModelsAreTheCommittedFilesWithTheirRecordedChecksums() throws Exception {
        Path dir = Path.of("models", "paddleocr");
        List<String> sums = Files.readAllLines(dir.resolve("SHA256SUMS"));
        assertThat(sums).hasSize(4);
        for (String line : sums) {
            String[] parts = line.split("\\s+");
            byte[] committed = Files.readAllBytes(dir.resolve(parts[1]));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(committed))).as(parts[1]).isEqualTo(parts[0]);
            try (var in = PaddleModels.class.getResourceAsStream(PaddleModels.BUNDLED + parts[1])) {
                assertThat(in).as("bundled " + parts[1]).isNotNull();
                assertThat(in.readAllBytes()).isEqualTo(committed);
            }
        }
    }

    @Test
    void readsATopAndBottomCaptionAsAMemeAndAsAThumbnail() {
        assertThat(paddle.enabled()).as(paddle.disabledReason()).isTrue();
        assertThat(paddle.engine()).isEqualTo(ImageText.Engine.PADDLE);
        CaptionSet.Caption c = new CaptionSet.Caption(CaptionSet.Background.generated(7), "WHEN YOU BUY THE TOP", "IT'S OVER");
        CaptionSet.Rendered r = CaptionSet.render(c, CaptionFont.anton());
        assertThat(paddle.read(r.meme()).text()).isEqualTo("WHEN YOU BUY THE TOP IT'S OVER");
        assertThat(paddle.read(r.thumbnail()).text()).isEqualTo("WHEN YOU BUY THE TOP IT'S OVER");
    }

    @Test
    void aPlainBackgroundHasNoText() {
        BufferedImage bare = MemeCaption.render(new BufferedImage(250, 250, BufferedImage.TYPE_INT_RGB), "", "", null);
        ImageText.Reading r = paddle.read(bare);
        assertThat(r.ok()).isTrue();
        assertThat(r.text()).isEmpty();
    }

    @Test
    void enginesAreChosenByTheirSettingsName() {
        assertThat(ImageText.Engine.named(" Tesseract ")).isEqualTo(ImageText.Engine.TESSERACT);
        assertThat(ImageText.Engine.named("paddle")).isEqualTo(ImageText.Engine.PADDLE);
        assertThatThrownBy(() -> ImageText.of("easyocr", Path.of("x"), "eng")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown OCR engine 'easyocr' ([ocr] engine): choose \"paddle\" or \"tesseract\"");
        try (ImageText t = ImageText.of("tesseract", Path.of("no-tessdata"), "eng")) {
            assertThat(t.engine()).isEqualTo(ImageText.Engine.TESSERACT);
            assertThat(t.disabledReason()).contains("eng.traineddata");
        }
    }
}
