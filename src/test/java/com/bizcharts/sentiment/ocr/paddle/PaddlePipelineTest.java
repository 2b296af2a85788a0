package com.bizcharts.sentiment.ocr.paddle;

import com.bizcharts.sentiment.ocr.ImageText;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole pipeline (detect, order, crop, classify, recognise, decode) on tiny generated models. */
class PaddlePipelineTest {

    /** Two lines on black: red red(grey gap)red green blue, then a lone blue bar lower down. */
    static BufferedImage bars() {
        BufferedImage img = new BufferedImage(200, 140, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 200, 140);
        bar(g, Color.RED, 40, 20, 30);
        bar(g, new Color(160, 160, 160), 70, 20, 10);
        bar(g, Color.RED, 80, 20, 30);
        bar(g, Color.GREEN, 110, 20, 30);
        bar(g, Color.BLUE, 140, 20, 30);
        bar(g, Color.BLUE, 60, 90, 40);
        g.dispose();
        return img;
    }

    static void bar(Graphics2D g, Color c, int x, int y, int w) {
        g.setColor(c);
        g.fillRect(x, y, w, 20);
    }

    @Test
    void readsLinesInOrderThroughAllThreeModels() throws Exception {
        try (PaddleOcr ocr = PaddleOcr.open(TinyPaddleModels.models(false), 1)) {
            List<PaddleOcr.Line> lines = ocr.lines(bars());
            assertThat(lines).extracting(PaddleOcr.Line::text).containsExactly("AABC", "C");
            assertThat(lines).allSatisfy(l -> assertThat(l.confidence()).isGreaterThan(0.9));
            TextBox first = lines.getFirst().box();
            // the 130 x 20 strip, grown by the unclip distance, in image coordinates
            assertThat(first.topLeft().x()).isBetween(20.0, 40.0);
            assertThat(first.corners().get(2).x()).isBetween(170.0, 190.0);
            assertThat(ocr.read(bars())).isEqualTo("AABC C");
        }
    }

    @Test
    void aLineCalledUpsideDownIsTurnedOnlyWhenThatReadsMoreConfidently() throws Exception {
        try (PaddleOcr ocr = PaddleOcr.open(TinyPaddleModels.models(true), 1)) {
            // turned, the bars read "CBAA" with the same confidence: the upright reading stays
            assertThat(ocr.read(bars())).isEqualTo("AABC C");
        }
    }

    @Test
    void anEmptyImageReadsNothing() throws Exception {
        try (ImageText text = ImageText.paddle(TinyPaddleModels.models(false), 1)) {
            assertThat(text.enabled()).isTrue();
            assertThat(text.engine()).isEqualTo(ImageText.Engine.PADDLE);
            ImageText.Reading r = text.read(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB));
            assertThat(r.ok()).isTrue();
            assertThat(r.text()).isEmpty();
        }
    }

    @Test
    void unloadableModelsTurnOcrOffWithAReason() {
        PaddleModels broken = new PaddleModels(new byte[]{1, 2, 3}, new byte[0], new byte[0], TinyPaddleModels.models(false).characters(), "nowhere");
        try (ImageText text = ImageText.paddle(broken, 1)) {
            assertThat(text.enabled()).isFalse();
            assertThat(text.disabledReason()).startsWith("OCR disabled: PaddleOCR models from nowhere could not be loaded");
            assertThat(text.read(bars()).reason()).isEqualTo(text.disabledReason());
        }
    }

    @Test
    void cropsAreCutUprightAndTurned() {
        Pixels p = new Pixels(3, 2, new int[]{1, 2, 3, 4, 5, 6});
        assertThat(p.rotate180().rgb()).containsExactly(6, 5, 4, 3, 2, 1);
        Pixels q = p.rotate90(); // counter-clockwise: the right column becomes the top row
        assertThat(q.width()).isEqualTo(2);
        assertThat(q.rgb()).containsExactly(3, 6, 2, 5, 1, 4);
        TextBox whole = new TextBox(List.of(new TextBox.Point(0, 0), new TextBox.Point(3, 0), new TextBox.Point(3, 2),
                new TextBox.Point(0, 2)), 1);
        assertThat(p.crop(whole, 3, 2).rgb()).containsExactly(1, 2, 3, 4, 5, 6);
        TextBox tall = new TextBox(List.of(new TextBox.Point(0, 0), new TextBox.Point(10, 0), new TextBox.Point(10, 30),
                new TextBox.Point(0, 30)), 1);
        Pixels upright = PaddleOcr.upright(new Pixels(40, 40, new int[1600]), tall);
        assertThat(upright.width()).isEqualTo(30);
        assertThat(upright.height()).isEqualTo(10);
    }

    @Test
    void inputSizesFollowPaddleOcr() {
        assertThat(TextDetector.inputSize(250, 250)).containsExactly(256, 256);
        assertThat(TextDetector.inputSize(2000, 1000)).containsExactly(480, 960);   // longer side limited to 960
        assertThat(TextDetector.inputSize(10, 10)).containsExactly(32, 32);
        assertThat(TextRecognizer.widths(100, 50)).containsExactly(320, 96);          // padded to 320
        assertThat(TextRecognizer.widths(400, 40)).containsExactly(480, 480);
    }
}
