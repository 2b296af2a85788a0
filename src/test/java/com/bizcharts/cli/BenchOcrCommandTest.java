package com.bizcharts.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchOcrCommandTest {

    @Test
    void printsTheAccuracyAndSpeedTableForEachEngineAndCondition() {
        CliTest r = CliTest.run("bench", "ocr", "--generated", "2", "--per-image", "1", "--engines", "paddle", "--examples", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 images (generated) x 1 captions, seed 16, font Anton")
                .contains("| engine | images | character error rate | word accuracy | exact | images/s | CPU ms/image |")
                .contains("| *meme, longer side 500 px* |").contains("| *thumbnail, 250 px JPEG* |")
                .containsPattern("\\| PaddleOCR PP-OCRv4 \\| 2 \\| \\d\\.\\d{3} \\| \\d\\.\\d{3} \\| \\d\\.\\d{3} \\| \\d+\\.\\d \\| \\d+ \\|")
                .contains("PaddleOCR PP-OCRv4 on the 2 images without captions (thumbnails): text read on 0")
                .contains("worst thumbnail readings, PaddleOCR PP-OCRv4:");
    }

    @Test
    void needsExactlyOneSourceOfImagesAndKnownEngines(@TempDir Path dir) {
        assertThat(CliTest.run("bench", "ocr").err()).contains("give --memes DIR or --generated N");
        assertThat(CliTest.run("bench", "ocr", "--memes", dir.toString(), "--generated", "3").err())
                .contains("give --memes DIR or --generated N");
        assertThat(CliTest.run("bench", "ocr", "--memes", dir.toString()).err()).contains("no images in");
        assertThat(CliTest.run("bench", "ocr", "--generated", "1", "--engines", "easyocr").err())
                .contains("unknown OCR engine 'easyocr'");
    }
}
