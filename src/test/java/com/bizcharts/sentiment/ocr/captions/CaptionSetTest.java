package com.bizcharts.sentiment.ocr.captions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptionSetTest {

    @Test
    void theSameSeedDrawsTheSameCaptionsAndAnotherSeedOthers() {
        List<CaptionSet.Background> images = CaptionSet.generated(5, 3);
        List<CaptionSet.Caption> a = CaptionSet.draw(images, 2, 16), b = CaptionSet.draw(images, 2, 16);
        assertThat(a).hasSize(10).isEqualTo(b);
        assertThat(CaptionSet.draw(images, 2, 17)).isNotEqualTo(a);
        for (CaptionSet.Caption c : a) {
            assertThat(c.truth()).isNotBlank().isEqualTo(c.truth().strip()).doesNotContain("  ");
            assertThat(c.truth().split(" ").length).isBetween(1, 8);
        }
        assertThat(new CaptionSet.Caption(images.getFirst(), "", "IT'S OVER").truth()).isEqualTo("IT'S OVER");
    }

    @Test
    void generatedBackgroundsAreTheSameForTheSameSeed() {
        BufferedImage x = CaptionSet.Background.generated(9).image(), y = CaptionSet.Background.generated(9).image();
        assertThat(x.getRGB(0, 0, x.getWidth(), x.getHeight(), null, 0, x.getWidth()))
                .isEqualTo(y.getRGB(0, 0, y.getWidth(), y.getHeight(), null, 0, y.getWidth()));
        assertThat(CaptionSet.Background.generated(10).image().getRGB(5, 5)).isNotEqualTo(x.getRGB(5, 5));
    }

    @Test
    void aCaptionIsRenderedAsAMemeAndAThumbnailOfIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/wide.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(300, 150, BufferedImage.TYPE_INT_ARGB), "png", file.toFile());
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        List<CaptionSet.Background> found = CaptionSet.images(dir);
        assertThat(found).extracting(CaptionSet.Background::file).containsExactly(file);
        CaptionSet.Rendered r = CaptionSet.render(new CaptionSet.Caption(found.getFirst(), "TOP", "BOTTOM"), CaptionFont.anton());
        assertThat(r.meme().getWidth()).isEqualTo(500);
        assertThat(r.meme().getHeight()).isEqualTo(250);
        assertThat(r.thumbnail().getWidth()).isEqualTo(250);
        assertThat(r.thumbnail().getHeight()).isEqualTo(125);
        // a transparent image is flattened onto white; the captions are white letters outlined in black
        assertThat(r.meme().getRGB(250, 125) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(blackPixels(r.meme(), 0, 60)).isGreaterThan(100);
        assertThat(blackPixels(r.meme(), 190, 250)).isGreaterThan(100);
        assertThat(blackPixels(r.meme(), 90, 160)).isZero();
        assertThatThrownBy(() -> CaptionSet.Background.of(dir.resolve("notes.txt")).image()).hasMessageContaining("not an image");
    }

    @Test
    void aLongCaptionShrinksThenWraps() {
        Font anton = CaptionFont.anton();
        BufferedImage base = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        BufferedImage shortCaption = MemeCaption.render(base, "WAGMI", "", anton);
        BufferedImage longCaption = MemeCaption.render(base, "WHEN YOU BOUGHT THE TOP AND THE WHOLE MARKET DUMPED AGAIN", "", anton);
        // the long one wraps onto a second line: letters reach further down
        assertThat(lowestInk(longCaption)).isGreaterThan(lowestInk(shortCaption));
        assertThat(MemeCaption.wrapPoint("AB CD EF")).isEqualTo(5);
        assertThat(MemeCaption.wrapPoint("WAGMI")).isEqualTo(-1);
    }

    static int blackPixels(BufferedImage img, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == 0) n++;
        return n;
    }

    static int lowestInk(BufferedImage img) {
        int lowest = -1;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) != 0) lowest = y;
        return lowest;
    }
}
