package com.bizcharts.sentiment.lexicon;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BizLexiconTest {

    private static final BizLexicon LEXICON = BizLexicon.load(null);

    @Test
    void slangTurnsNeutralVaderIntoMarketSentiment() {
        BizLexicon.Reading r = LEXICON.read("WAGMI, we're so back");
        assertThat(r.vader().compound()).isZero();          // VADER alone does not know the words
        assertThat(r.lexicon().compound()).isGreaterThan(0.7);
        assertThat(r.bullishHits()).isEqualTo(2);
        BizLexicon.Reading over = LEXICON.read("it's over. sold everything, pink wojak time");
        assertThat(over.lexicon().compound()).isLessThan(-0.7);
        assertThat(over.bearishHits()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void vadersRulesApplyToSlangPhrasesToo() {
        double plain = LEXICON.read("we're so back").lexicon().compound();
        assertThat(LEXICON.read("we're NOT so back").lexicon().compound()).isLessThan(0);
        assertThat(LEXICON.read("ngmi").lexicon().compound()).isLessThan(0);
        assertThat(LEXICON.read("not ngmi").lexicon().compound()).isGreaterThan(0);
        assertThat(LEXICON.read("we're so back!!!").lexicon().compound()).isGreaterThan(plain);
    }

    @Test
    void slangWordsOverrideVaderValences() {
        assertThat(new BizLexicon(Map.of("moon", -1.0), Map.of("moon", 3.0)).read("moon").lexicon().compound()).isPositive();
    }

    @Test
    void aBrokenSlangFileIsAClearError() {
        assertThatThrownBy(() -> LexiconFiles.parseSlang(java.util.List.of("wagmi 3.5"), "s.tsv"))
                .hasMessage("s.tsv line 1: expected phrase<TAB>valence");
        assertThatThrownBy(() -> LexiconFiles.parseSlang(java.util.List.of("wagmi\t9"), "s.tsv"))
                .hasMessageContaining("[-4, 4]");
        assertThat(LexiconFiles.slang(null)).containsEntry("wagmi", 3.5).containsEntry("it's over", -3.5).hasSizeGreaterThan(60);
    }
}
