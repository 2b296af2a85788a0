package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.lexicon.LexiconFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlangTallyTest {

    @TempDir
    Path dir;

    @Test
    void theBundledListCountsWholeWordsAndPhrases() {
        SlangTally tally = new SlangTally();
        LexiconReading r = tally.read("We\u2019re back, bought the dip, LFG! not a moonshot mooning... sold at the bottom, rekt");
        assertThat(r.bullishHits()).isEqualTo(4);   // we're back, lfg, moonshot, mooning ("bought" is not listed)
        assertThat(r.bearishHits()).isEqualTo(3);   // sold, bottom, rekt
        assertThat(tally.read("the sellers were selling").bearishHits()).isEqualTo(1); // "sellers" is not "sell"
        LexiconFiles.MarketWords words = LexiconFiles.marketWords(null);
        assertThat(words.bullish()).hasSize(47).startsWith("wagmi", "lfg").contains("retire");
        assertThat(words.bearish()).hasSize(57).startsWith("ngmi", "rekt").endsWith("shorting", "short");
    }

    @Test
    void aUserFileReplacesTheListAndBadLinesAreNamed() throws IOException {
        Path file = dir.resolve("words.tsv");
        Files.writeString(file, "# mine\nup bad\tbullish\ndown bad\tbearish\n");
        SlangTally tally = SlangTally.load(file);
        assertThat(tally.read("UP BAD then down bad, wagmi").bullishHits()).isEqualTo(1);
        assertThat(tally.read("UP BAD then down bad, wagmi").bearishHits()).isEqualTo(1);
        Files.writeString(file, "moon\tsideways\n");
        assertThatThrownBy(() -> SlangTally.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1").hasMessageContaining("bullish or bearish");
        assertThat(SlangTally.load(dir.resolve("absent.tsv")).read("wagmi").bullishHits()).isEqualTo(1);
    }
}
