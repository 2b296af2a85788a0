package com.bizcharts.sentiment.ocr;

import com.bizcharts.sentiment.ocr.captions.CaptionFont;
import com.bizcharts.sentiment.ocr.captions.CaptionSet;
import com.bizcharts.sentiment.ocr.captions.OcrAccuracy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped PaddleOCR models on real meme images from ../shared (run with -Pshared-data): captions rendered onto
 * them are read, words and characters, as `bench ocr --memes` measures on the whole set (docs/model.md).
 */
@Tag("shared-data")
class SharedMemeCaptionsTest {

    @Test
    void paddleReadsCaptionsRenderedOntoRealMemes() {
        Path memes = Stream.of(Path.of("..", "shared"), Path.of("..", "..", "shared"))
                .map(p -> p.resolve("data/memes")).filter(Files::isDirectory).findFirst().orElse(null);
        assumeTrue(memes != null, "../shared/data/memes not present");
        List<CaptionSet.Background> images = CaptionSet.images(memes.resolve("wojak-moods"));
        assumeTrue(images.size() >= 10, "expected the 20 wojak images");
        List<CaptionSet.Caption> captions = CaptionSet.draw(images.subList(0, 10), 1, 16);
        OcrAccuracy thumbnails = new OcrAccuracy();
        try (ImageText paddle = ImageText.paddle()) {
            for (CaptionSet.Caption c : captions) {
                thumbnails.add(c.truth(), paddle.read(CaptionSet.render(c, CaptionFont.anton()).thumbnail()).text());
            }
        }
        assertThat(thumbnails.images()).isEqualTo(10);
        assertThat(thumbnails.wordAccuracy()).isGreaterThanOrEqualTo(0.8);
        assertThat(thumbnails.characterErrorRate()).isLessThanOrEqualTo(0.15);
    }
}
