package com.bizcharts.sentiment.ocr;

import com.bizcharts.sentiment.ocr.captions.CaptionFont;
import com.bizcharts.sentiment.ocr.captions.CaptionSet;
import com.bizcharts.sentiment.ocr.captions.OcrAccuracy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped PaddleOCR models on the real meme images of ../shared (run with -Pshared-data): the thumbnails of the
 * caption set `bench ocr --memes` measures (seed 16, 2 captions an image) read as docs/model.md reports, within what
 * another CPU's arithmetic could move (character error rate 0.079, word accuracy 0.879 there).
 */
@Tag("shared-data")
class SharedMemeCaptionsTest {

    @Test
    void paddleReadsCaptionsRenderedOntoRealMemesAsReported() {
        Path memes = com.bizcharts.shared.SharedData.find("data/memes").orElse(null);
        assumeTrue(memes != null, "../shared/data/memes not present");
        List<CaptionSet.Caption> captions = CaptionSet.draw(CaptionSet.images(memes), 2, 16);
        OcrAccuracy thumbnails = new OcrAccuracy();
        Font anton = CaptionFont.anton();
        try (ImageText paddle = ImageText.paddle()) {
            for (CaptionSet.Caption c : captions) {
                thumbnails.add(c.truth(), paddle.read(CaptionSet.render(c, anton).thumbnail()).text());
            }
        }
        assertThat(thumbnails.images()).isEqualTo(98);
        assertThat(thumbnails.wordAccuracy()).isCloseTo(0.879, within(0.02));
        assertThat(thumbnails.characterErrorRate()).isCloseTo(0.079, within(0.02));
    }
}
