package com.bizcharts.learn.pseudo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAugmenterTest {

    private final TextAugmenter augmenter = new TextAugmenter(0.5, 0.5);

    @Test
    void isDeterministicPerSeedAndChangesTheText() {
        String text = "bitcoin will pump hard this week and everyone here will make it big time";
        String a = augmenter.augment(text, 1);
        assertThat(augmenter.augment(text, 1)).isEqualTo(a);
        assertThat(a).isNotEqualTo(text);
        assertThat(a.split(" ")).allMatch(text::contains);
    }

    @Test
    void neverDropsOrMovesANegation() {
        for (long seed = 0; seed < 50; seed++) {
            String out = augmenter.augment("this coin is not going to pump ever again lol", seed);
            assertThat(out).contains("is not going");
        }
    }
}
