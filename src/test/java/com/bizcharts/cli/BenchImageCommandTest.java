package com.bizcharts.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchImageCommandTest {

    @Test
    void printsImagesPerSecondForEachThreadCount() {
        CliTest r = CliTest.run("bench", "image", "--generated", "2", "--threads", "1,2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 images (generated)").contains("| ONNX Runtime threads | images/s | ms/image |")
                .containsPattern("\\| 1 \\| \\d+\\.\\d \\| \\d+\\.\\d \\|").containsPattern("\\| 2 \\| \\d+\\.\\d \\| \\d+\\.\\d \\|")
                .doesNotContain("Leave-one-out");
    }

    @Test
    void crossValidatesTheHeadsOnALabelledFolder(@TempDir Path dir) throws Exception {
        // Three colours of flat squares per class, so each split still holds every class.
        StringBuilder csv = new StringBuilder("file,meme_type,mood,label,source\n");
        String[] labels = {"bearish", "neutral", "bullish"};
        String[] types = {"doge", "pepe", "wojak"};
        Color[] colours = {Color.RED, Color.GRAY, Color.GREEN};
        Files.createDirectories(dir.resolve("meme-types"));
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) {
                String name = "meme-types/" + types[k] + i + ".png";
                BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(colours[k].darker().brighter());
                g.fillRect(0, 0, 64, 64);
                g.setColor(Color.WHITE);
                g.fillOval(8 * i, 8 * i, 20, 20);
                g.dispose();
                ImageIO.write(img, "png", dir.resolve(name).toFile());
                csv.append(name).append(',').append(types[k]).append(",x,").append(labels[k]).append(",test\n");
            }
        }
        Files.writeString(dir.resolve("labels.csv"), csv);
        CliTest r = CliTest.run("bench", "image", "--memes", dir.toString(), "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("9 images (" + dir + ")").contains("Leave-one-out logistic head")
                .containsPattern("\\| sentiment \\(label: bearish, neutral, bullish\\) \\| colour \\(6\\) \\| \\d / 9 \\| \\d\\.\\d\\d \\| \\d\\.\\d\\d-\\d\\.\\d\\d \\| 0\\.33 \\|")
                .containsPattern("\\| meme type of meme-types/ \\(doge, pepe, wojak\\) \\| both \\(1286\\) \\| \\d / 9 \\|");
    }

    @Test
    void aFolderWithoutLabelsIsAnError(@TempDir Path dir) {
        assertThat(CliTest.run("bench", "image", "--memes", dir.toString()).err()).contains("no labels.csv in");
    }
}
