package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.ImageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThumbnailSignalTest {

    @TempDir
    Path dir;

    final ThumbnailSignal signal = new ThumbnailSignal();

    Path image(String name, Color color, String format) throws Exception {
        BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 120, 90);
        g.dispose();
        Path f = dir.resolve(name);
        ImageIO.write(img, format, f.toFile());
        return f;
    }

    @Test
    void greenLeansBullishAndRedLeansBearishButOnlySlightly() throws Exception {
        ImageReading green = signal.read(image("green.png", new Color(20, 200, 40), "png"));
        ImageReading red = signal.read(image("red.jpg", new Color(220, 20, 20), "jpg"));
        ImageReading grey = signal.read(image("grey.png", new Color(128, 128, 128), "png"));
        assertThat(green.status()).isEqualTo(ImageStatus.USED);
        assertThat(green.probabilities()[2]).isGreaterThan(green.probabilities()[0]);
        assertThat(red.probabilities()[0]).isGreaterThan(red.probabilities()[2]);
        assertThat(grey.probabilities()).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-12));
        for (ImageReading r : new ImageReading[] {green, red}) {
            assertThat(r.probabilities()[0] + r.probabilities()[1] + r.probabilities()[2]).isCloseTo(1.0, within(1e-12));
            assertThat(Math.abs(r.probabilities()[2] - r.probabilities()[0])).isLessThanOrEqualTo(0.3 + 1e-9);
        }
        assertThat(green.detail()).contains("green 1.00");
    }

    @Test
    void absentUnsupportedAndCorruptImagesSayWhy() throws Exception {
        assertThat(signal.read(dir.resolve("gone.jpg")).status()).isEqualTo(ImageStatus.MISSING);
        assertThat(signal.read(null).status()).isEqualTo(ImageStatus.MISSING);
        Path webm = Files.write(dir.resolve("clip.webm"), new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3});
        assertThat(signal.read(webm).status()).isEqualTo(ImageStatus.UNSUPPORTED);
        Path corrupt = Files.write(dir.resolve("half.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        ImageReading bad = signal.read(corrupt);
        assertThat(bad.status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(bad.probabilities()).isNull();
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        assertThat(signal.read(text).status()).isEqualTo(ImageStatus.UNDECODABLE);
    }
}
