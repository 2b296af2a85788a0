package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.lexicon.LexiconFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The regex SlangTally used before the scan: the scan must count exactly what it counted. */
    static int regexCount(List<String> phrases, String low) {
        StringJoiner j = new StringJoiner("|", "(?<![\\p{L}\\p{N}])(?:", ")(?![\\p{L}\\p{N}])");
        for (String p : phrases) j.add(Pattern.quote(p));
        Matcher m = Pattern.compile(j.toString()).matcher(low);
        int c = 0;
        while (m.find()) c++;
        return c;
    }

    @Test
    void theScanCountsWhatTheRegexCounted() {
        LexiconFiles.MarketWords words = LexiconFiles.marketWords(null);
        List<String> texts = new ArrayList<>(TrainingSet.fromFile(LabeledFixture.copyTo(dir)).posts().stream()
                .map(p -> p.post().fullText().toLowerCase(Locale.ROOT)).toList());
        String[] parts = {"moon", "mooning", "so back", "we're", "back", "it's", "over", "100x", "10x", "x", "sell",
                "sold", "short", "shorting", "bull run", "\u00e9", "\u0663", "\u2163", "\uD835\uDC00", "_", "'", " ", "  ",
                "\n", ".", "$", "a", "1", "over for", "rug", "rugged", "pump", "pumped", "green", "red", "down"};
        Random r = new Random(5);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(12); k >= 0; k--) sb.append(parts[r.nextInt(parts.length)]);
            texts.add(sb.toString());
        }
        SlangTally tally = new SlangTally();
        for (String t : texts) {
            LexiconReading got = tally.read(t);
            assertThat(got.bullishHits()).as(t).isEqualTo(regexCount(words.bullish(), t));
            assertThat(got.bearishHits()).as(t).isEqualTo(regexCount(words.bearish(), t));
        }
    }
}
