package com.bizcharts.sentiment.ocr.paddle;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CtcDecoderTest {

    /** Classes: 0 blank, 1 "B", 2 "T", 3 "C", 4 space. */
    static final CharacterList CHARS = CharacterList.of(List.of("B", "T", "C"));

    /** One step per row, probabilities for the 5 classes. */
    static float[] steps(float[]... rows) {
        float[] out = new float[rows.length * 5];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * 5, 5);
        return out;
    }

    static float[] p(int best, float prob) {
        float[] row = new float[5];
        float rest = (1 - prob) / 4;
        java.util.Arrays.fill(row, rest);
        row[best] = prob;
        return row;
    }

    @Test
    void mergesRepeatsDropsBlanksAndKeepsALetterTwiceAcrossABlank() {
        // B B _ T T _ T C _   ->  "BTTC"
        float[] probs = steps(p(1, .9f), p(1, .7f), p(0, .99f), p(2, .8f), p(2, .6f), p(0, .9f), p(2, .5f), p(3, .9f), p(0, .9f));
        CtcDecoder.Decoded d = new CtcDecoder(CHARS).decode(probs, 0, 9);
        assertThat(d.text()).isEqualTo("BTTC");
        // the kept steps are the first of each run: .9 (B), .8 (T), .5 (T), .9 (C)
        assertThat(d.confidence()).isCloseTo((.9 + .8 + .5 + .9) / 4, within(1e-6));
    }

    @Test
    void theLastClassIsTheSpaceAndNothingReadHasConfidenceZero() {
        assertThat(CHARS.classes()).isEqualTo(5);
        assertThat(CHARS.symbol(0)).isEmpty();
        assertThat(CHARS.symbol(4)).isEqualTo(" ");
        float[] probs = steps(p(1, .9f), p(4, .8f), p(3, .9f));
        assertThat(new CtcDecoder(CHARS).decode(probs, 0, 3).text()).isEqualTo("B C");
        CtcDecoder.Decoded none = new CtcDecoder(CHARS).decode(steps(p(0, .9f), p(0, .9f)), 0, 2);
        assertThat(none.text()).isEmpty();
        assertThat(none.confidence()).isZero();
    }

    @Test
    void decodesFromAnOffsetSoOneBufferCanHoldABatch() {
        float[] batch = steps(p(1, .9f), p(0, .9f), p(3, .9f), p(2, .9f));
        assertThat(new CtcDecoder(CHARS).decode(batch, 10, 2).text()).isEqualTo("CT");
        assertThatThrownBy(() -> new CtcDecoder(CHARS).decode(batch, 10, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankWithEnoughSpaceProbabilityReadsAsASpaceWhenAsked() {
        float[] gap = {0.6f, 0.02f, 0.02f, 0.01f, 0.35f};   // blank wins, the space is a close second
        float[] tight = {0.97f, 0.01f, 0.005f, 0.005f, 0.01f};
        float[] probs = steps(gap, p(1, .9f), gap, gap, p(2, .9f), tight, p(2, .9f), gap);
        assertThat(new CtcDecoder(CHARS).decode(probs, 0, 8).text()).isEqualTo("BTT");
        CtcDecoder.Decoded spaced = new CtcDecoder(CHARS).withSpaceThreshold(0.05).decode(probs, 0, 8);
        // no leading or trailing space, one space for the two gap steps, none inside "TT"
        assertThat(spaced.text()).isEqualTo("B TT");
        assertThat(spaced.confidence()).isCloseTo(0.9, within(1e-6));
        assertThat(new CtcDecoder(CHARS).withSpaceThreshold(0.4).decode(probs, 0, 8).text()).isEqualTo("BTT");
    }

    @Test
    void readsTheListFileOneCharacterPerLine() throws Exception {
        CharacterList list = CharacterList.read(new ByteArrayInputStream("a\r\n'\n中\n%".getBytes(StandardCharsets.UTF_8)));
        assertThat(list.classes()).isEqualTo(6);
        assertThat(List.of(list.symbol(1), list.symbol(2), list.symbol(3), list.symbol(4), list.symbol(5)))
                .containsExactly("a", "'", "中", "%", " ");
    }
}
