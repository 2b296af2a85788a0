package com.bizcharts.learn;

import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.train.LabeledPostsFile;
import com.bizcharts.learn.train.StratifiedFolds;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.store.labels.SentimentLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluationAndFoldsTest {

    @TempDir
    Path dir;

    @Test
    void reportMatchesAHandComputation() {
        // truth: 4 bearish, 4 neutral, 2 bullish
        int[] truth = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
        int[] pred = {0, 0, 1, 2, 1, 1, 1, 0, 2, 1};
        EvaluationReport r = EvaluationReport.of(truth, pred);
        assertThat(r.confusion()).isDeepEqualTo(new int[][] {{2, 1, 1}, {1, 3, 0}, {0, 1, 1}});
        assertThat(r.accuracy()).isEqualTo(0.6);
        // bearish P 2/3 R 2/4; neutral P 3/5 R 3/4; bullish P 1/2 R 1/2
        double f1Bear = 2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), f1Neu = 2 * 0.6 * 0.75 / 1.35, f1Bull = 0.5;
        assertThat(r.f1(0)).isCloseTo(f1Bear, within(1e-12));
        assertThat(r.macroF1()).isCloseTo((f1Bear + f1Neu + f1Bull) / 3, within(1e-12));
        var json = r.toJson();
        assertThat(json.has("accuracy") && json.has("macro_f1") && json.has("per_class") && json.has("confusion")).isTrue();
        assertThat(json.get("per_class").get("neutral").get("recall").asDouble()).isEqualTo(0.75);
        assertThat(json.get("confusion").get("matrix").get(2).get(1).asInt()).isEqualTo(1);
        assertThat(r.toText()).contains("macro-F1").contains("bullish");
    }

    @Test
    void foldsPartitionTheDataKeepTheMixAndRepeat() {
        int[] y = new int[100];
        for (int i = 0; i < y.length; i++) y[i] = i < 50 ? 1 : i < 80 ? 0 : 2;
        List<int[]> folds = StratifiedFolds.split(y, 5, 7);
        int[] all = folds.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all).hasSize(100).startsWith(0, 1).endsWith(98, 99).doesNotHaveDuplicates();
        for (int[] f : folds) {
            assertThat(f).hasSize(20);
            assertThat(Arrays.stream(f).filter(i -> y[i] == 2).count()).isEqualTo(4);
        }
        assertThat(StratifiedFolds.split(y, 5, 7).get(3)).containsExactly(folds.get(3));
        assertThat(StratifiedFolds.split(y, 5, 8).get(3)).isNotEqualTo(folds.get(3));
        assertThat(StratifiedFolds.complement(100, folds.get(0))).hasSize(80).doesNotContain(folds.get(0));
    }

    @Test
    void labeledFileReadsRatingsOrWordsAndHashesTheBytes() throws Exception {
        Path f = dir.resolve("l.jsonl");
        Files.writeString(f, "{\"thread_id\": 5, \"subject\": \"s\", \"text\": \"t\", \"rating\": 3}\n\n"
                + "{\"thread_id\": 6, \"text\": \"u\", \"label\": \"bearish\", \"posted_at\": \"2025-12-01 10:00:00\"}\n");
        var set = TrainingSet.fromFile(f);
        assertThat(set.posts()).hasSize(2);
        assertThat(set.posts().get(0).label()).isEqualTo(SentimentLabel.BULLISH);
        assertThat(set.posts().get(0).post().fullText()).isEqualTo("s\nt");
        assertThat(set.posts().get(1).label()).isEqualTo(SentimentLabel.BEARISH);
        assertThat(set.posts().get(1).post().postedAt()).hasToString("2025-12-01T10:00:00Z");
        assertThat(set.sha256()).isEqualTo(LabeledPostsFile.sha256(Files.readAllBytes(f))).hasSize(64);
    }

    @Test
    void badLinesNameTheirLineNumber() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"text\": \"a\", \"rating\": 2}\n{\"text\": \"b\", \"rating\": 7}\n");
        assertThatThrownBy(() -> TrainingSet.fromFile(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("rating");
        Files.writeString(f, "{\"text\": \"a\", \"rating\": 2}\n{not json\n");
        assertThatThrownBy(() -> TrainingSet.fromFile(f)).hasMessageContaining("line 2: not valid JSON");
        Files.writeString(f, "{\"text\": \"a\"}\n");
        assertThatThrownBy(() -> TrainingSet.fromFile(f)).hasMessageContaining("no rating or label");
    }
}
