package com.bizcharts.sentiment.image;

import com.bizcharts.sentiment.ImageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

public class PerceptualHashTest {

    @TempDir Path dir;

    /** A pink blob on a pale background with a dark diagonal, the kind of structure memes have. */
    public static BufferedImage blob(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(240, 240, 230));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(255, 150, 190));
        g.fillOval(w / 5, h / 6, w / 2, h / 2);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(w * 3 / 4, 0, w / 8, h);
        g.dispose();
        return img;
    }

    public static BufferedImage candles(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 8; i++) {
            g.setColor(i % 3 == 0 ? Color.RED : Color.GREEN);
            int top = (i * 37) % (h / 2);
            g.fillRect(i * w / 8 + 2, top, w / 12, h / 3 + i * 5);
        }
        g.dispose();
        return img;
    }

    static BufferedImage scaled(BufferedImage src, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return img;
    }

    static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpg").next();
        var out = new ByteArrayOutputStream();
        try (var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void resizedAndRecompressedCopyStaysNearWhileADifferentImageIsFar() throws IOException {
        long original = PerceptualHash.of(blob(250, 200));
        var copy = PerceptualHash.decode(jpeg(scaled(blob(250, 200), 125, 100), 0.4f));
        long other = PerceptualHash.of(candles(250, 200));

        assertThat(copy.status()).isEqualTo(ImageStatus.USED);
        assertThat(PerceptualHash.distance(original, copy.hash())).isLessThanOrEqualTo(6);
        assertThat(PerceptualHash.distance(original, other)).isGreaterThan(16);
    }

    @Test
    void hashHasBitsOnBothSidesOfTheMedian() {
        long h = PerceptualHash.of(candles(120, 90));
        assertThat(Long.bitCount(h)).isBetween(24, 40);
    }

    @Test
    void corruptMissingAndVideoFilesGiveAStatusNotAnException() throws IOException {
        byte[] good = jpeg(blob(100, 100), 0.9f);
        Path truncated = Files.write(dir.resolve("t.jpg"), Arrays.copyOf(good, 40));
        Path garbage = Files.write(dir.resolve("g.png"), new byte[]{1, 2, 3, 4, 5});
        Path webm = Files.write(dir.resolve("v.webm"), good);

        assertThat(PerceptualHash.read(truncated).status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(PerceptualHash.read(garbage).status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(PerceptualHash.read(webm).status()).isEqualTo(ImageStatus.UNSUPPORTED);
        assertThat(PerceptualHash.read(dir.resolve("none.jpg")).status()).isEqualTo(ImageStatus.MISSING);
        assertThat(PerceptualHash.read(null).status()).isEqualTo(ImageStatus.MISSING);
    }
}
