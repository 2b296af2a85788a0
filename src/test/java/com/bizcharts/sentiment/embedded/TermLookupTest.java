package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.lexicon.LexiconReading;
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

    @Test
    void scoringAndTrainingAgreeWithASentenceEncoderToo() {
        TextEncoder fake = new TextEncoder() {
            @Override public String name() { return "fake"; }
            @Override public int dimension() { return 3; }
            @Override public double[][] encode(List<String> texts) {
                double[][] out = new double[texts.size()][];
                for (int i = 0; i < out.length; i++) {
                    String t = texts.get(i);
                    double[] v = {t.length(), t.chars().filter(c -> "aeiou".indexOf(c) >= 0).count(), 1};
                    double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + 1);
                    for (int k = 0; k < 3; k++) v[k] /= n;
                    out[i] = v;
                }
                return out;
            }
        };
        List<LabeledPost> data = TrainingSet.fromFile(LabeledFixture.copyTo(dir)).posts();
        List<PostInput> posts = data.stream().map(LabeledPost::post).toList();
        int[] y = data.stream().mapToInt(p -> p.label().index()).toArray();
        PostTraits traits = new PostTraits(t -> new LexiconReading(t.contains("moon") ? 0.5 : 0, 0, 0, 0, 0));
        NgramTextModel.Options o = NgramTextModel.Options.standard().encoder("fake");
        List<NgramTextModel.Prepared> prepared = NgramTextModel.prepare(posts, traits, o, fake);
        NgramTextModel model = NgramTextModel.trainPrepared(prepared, y, traits, o, fake);
        List<SparseVector> batched = model.featuresAll(posts);
        for (int i = 0; i < posts.size(); i++) {
            assertThat(model.probabilities(posts.get(i))).as("post " + i).containsExactly(model.probabilities(prepared.get(i)));
            assertThat(batched.get(i).values()).containsExactly(model.features(posts.get(i)).values());
        }
    }
}
