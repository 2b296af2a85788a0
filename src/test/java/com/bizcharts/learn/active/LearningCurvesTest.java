package com.bizcharts.learn.active;

import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.embedded.NgramTextModel;
import com.bizcharts.sentiment.embedded.PostTraits;
import com.bizcharts.sentiment.embedded.SlangTally;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LearningCurvesTest {

    @Test
    void bothOrdersLearnAndAreMeasuredOnTheSameSplits() {
        String[][] words = {{"dump", "rekt", "crash", "over", "dead"}, {"what", "question", "anyone", "how", "where"},
                {"moon", "pump", "wagmi", "green", "lambo"}};
        List<LabeledPost> data = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            int c = i % 3;
            String t = words[c][i % 5] + " " + words[c][(i + 1) % 5] + " " + words[(c + 1) % 3][i % 5] + " n" + i;
            data.add(new LabeledPost(PostInput.ofText("", t), SentimentLabel.ofIndex(c)));
        }
        var curves = new LearningCurves(new PostTraits(new SlangTally()), NgramTextModel.Options.standard()).run(data, 2, 15, 30, 4);
        assertThat(curves).extracting(LearningCurves.Point::labels).containsExactly(15, 45, 75, 105);
        assertThat(curves.get(0).activeF1()).isEqualTo(curves.get(0).randomF1()); // same starting labels
        assertThat(curves.get(3).randomF1()).isGreaterThan(curves.get(0).randomF1());
        assertThat(curves.get(3).activeF1()).isGreaterThan(0.8);
    }
}
