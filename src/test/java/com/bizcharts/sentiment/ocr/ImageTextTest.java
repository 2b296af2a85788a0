package com.bizcharts.sentiment.ocr;

import com.bizcharts.sentiment.ImageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ImageTextTest {

    @TempDir Path dir;

    @Test
    void readsRenderedText() {
        ImageText ocr = ImageText.english();
        assumeTrue(ocr.enabled(), "tesseract not installed here: " + ocr.disabledReason());

        BufferedImage img = new BufferedImage(600, 120, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 120);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString("BUY THE DIP", 30, 80);
        g.dispose();

        ImageText.Reading reading = ocr.read(img);
        assertThat(reading.ok()).isTrue();
        assertThat(reading.text().toUpperCase()).contains("BUY").contains("DIP");
    }

    @Test
    void missingDataDisablesOcrWithAReason() {
        ImageText ocr = new ImageText(dir.resolve("no-tessdata"), "eng");
        assertThat(ocr.enabled()).isFalse();
        assertThat(ocr.disabledReason()).contains("eng.traineddata").contains("apt-get install");
        ImageText.Reading reading = ocr.read(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB));
        assertThat(reading.ok()).isFalse();
        assertThat(reading.reason()).isEqualTo(ocr.disabledReason());
    }

    @Test
    void badFilesGiveTheirStatus() throws Exception {
        ImageText ocr = new ImageText(dir.resolve("no-tessdata"), "eng");
        Path corrupt = Files.write(dir.resolve("x.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 1});
        assertThat(ocr.read(corrupt).status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(ocr.read(dir.resolve("clip.webm")).status()).isEqualTo(ImageStatus.MISSING);
        assertThat(ocr.read(Files.write(dir.resolve("clip.webm"), new byte[]{1})).status())
                .isEqualTo(ImageStatus.UNSUPPORTED);
    }
}
