package com.bizcharts.sentiment.ocr.captions;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OcrAccuracyTest {

    @Test
    void characterErrorsAndWordsAreCountedOverTheWholeSet() {
        OcrAccuracy a = new OcrAccuracy();
        a.add("IT'S OVER", "it’s  over");          // case, curly quote and spacing are not errors
        a.add("BTC 100K", "BTC 1OOK");             // two substitutions; one of two words
        a.add("WE'RE SO BACK", "");                // nothing read: every character missed
        assertThat(a.images()).isEqualTo(3);
        assertThat(a.characterErrorRate()).isCloseTo((0 + 2 + 13) / 30.0, within(1e-12));
        assertThat(a.wordAccuracy()).isCloseTo(3 / 7.0, within(1e-12));
        assertThat(a.exactShare()).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void extraTextCostsCharactersButNotWordsAndWordsCountInOrder() {
        OcrAccuracy a = new OcrAccuracy();
        a.add("SELL NOW", "2005-2024 NEWS SELL NOW");
        assertThat(a.wordAccuracy()).isEqualTo(1.0);
        assertThat(a.characterErrorRate()).isGreaterThan(1.0);
        assertThat(OcrAccuracy.commonWords(List.of("A", "B", "C"), List.of("C", "B", "A"))).isEqualTo(1);
        assertThat(OcrAccuracy.editDistance("KITTEN", "SITTING")).isEqualTo(3);
        assertThat(OcrAccuracy.normalise("ＢＴＣ\t$１")).isEqualTo("BTC $1");
    }

    @Test
    void theCaptionFontIsAntonUnwrappedFromItsWoff() {
        Font f = CaptionFont.anton();
        assertThat(f.getFamily()).isEqualTo("Anton");
        assertThat(f.canDisplayUpTo("IT'S OVER $420 -80% +300% 0.01")).isEqualTo(-1);
        assertThatThrownBy(() -> CaptionFont.trueType(new byte[60])).hasMessageContaining("not a WOFF");
    }
}
