package com.bizcharts.sentiment.embedded;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.PostInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring fast path must give training's vectors to the last bit, or CV figures would not describe scoring. */
class TermLookupTest {

    @TempDir
    Path dir;

    @Test
    void inPlaceLookupGivesTheSameVectorsAsTheTermCountMap() {
        List<PostInput> posts = new ArrayList<>(TrainingSet.fromFile(LabeledFixture.copyTo(dir)).posts().stream()
                .map(LabeledPost::post).toList());
        // unseen words, odd spacing, apostrophes, non-ASCII and an empty post exercise the misses and the edges
        posts.add(new PostInput(1, "Wagmi  ANON", "it\u2019s  over\n\n>be me\tsold at   the bottom \u00fcber $PEPE 100x", null, 0, null));
        posts.add(new PostInput(2, null, "", null, 0, null));
        posts.add(new PostInput(3, "", "zzqx qqqz", null, 0, null));
        for (TextNgrams ngrams : List.of(TextNgrams.standard(), new TextNgrams(1, 3, 2, 5), new TextNgrams(1, 1, 0, 0))) {
            List<java.util.Map<String, Integer>> counts = posts.stream().map(p -> NgramTextModel.termCounts(ngrams, true, p)).toList();
            TfidfVocabulary v = TfidfVocabulary.fitCounts(counts, ngrams, 1);
            for (int i = 0; i < posts.size(); i++) {
                PostInput p = posts.get(i);
                SparseVector slow = v.transformCounts(counts.get(i));
                SparseVector fast = v.transformText(p.fullText(), p.subject() == null ? List.of() : TextNgrams.words(p.subject()));
                assertThat(fast.indices()).as(ngrams + " post " + i).containsExactly(slow.indices());
                assertThat(fast.values()).as(ngrams + " post " + i).containsExactly(slow.values());
            }
        }
    }

    @Test
    void aTermMissingFromTheVocabularyIsNotFound() {
        TermLookup lookup = new TermLookup(new String[] {"c:ab", "w:moon", "w:s:wagmi"}, TextNgrams.standard());
        assertThat(lookup.find("c:", "xaby", 1, 3)).isZero();
        assertThat(lookup.find("w:", "moon", 0, 4)).isEqualTo(1);
        assertThat(lookup.find("w:s:", "wagmi", 0, 5)).isEqualTo(2);
        assertThat(lookup.find("w:", "wagmi", 0, 5)).isEqualTo(-1);
        assertThat(lookup.find("c:", "ba", 0, 2)).isEqualTo(-1);
    }
}
