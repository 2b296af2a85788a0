package com.bizcharts.learn.train;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.embedded.ModelFiles;
import com.bizcharts.sentiment.embedded.SlangTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingPostIdsTest {

    private static final ImageReading.Source NO_IMAGES = img -> ImageReading.absent(ImageStatus.MISSING);

    @TempDir
    Path tmp;

    private static EmbeddedModel train(TrainingSet set) {
        return new EmbeddedTrainer(new SlangTally(), NO_IMAGES).train(set.posts(), EmbeddedTrainer.Options.standard(),
                set.provenance("test", Instant.EPOCH));
    }

    private static Map<String, byte[]> weights(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("metadata.json")).toList())
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        return out;
    }

    @Test
    void theTrainerRecordsTheThreadIdsOfItsPostsSortedAndOnce() {
        TrainingSet set = TrainingSet.fromFile(LabeledFixture.copyTo(tmp));
        List<Long> expected = set.posts().stream().map(p -> p.post().threadId()).distinct().sorted().toList();
        assertThat(train(set).metadata().training().threadIds()).isEqualTo(expected).hasSize(36);

        var unnamed = new LabeledPost(PostInput.ofText(null, "no id"), SentimentLabel.NEUTRAL);
        assertThat(TrainingPostIds.of(List.of(set.posts().get(0), unnamed))).as("partial lists claim too much").isNull();
    }

    @Test
    void anOlderModelGetsItsTrainingPostsFromTheFileItWasTrainedOnWithoutChangingItsWeights() throws Exception {
        Path data = LabeledFixture.copyTo(tmp);
        EmbeddedModel model = train(TrainingSet.fromFile(data));
        EmbeddedModel older = model.withMetadata(model.metadata().withTraining(model.metadata().training().withThreadIds(null)));
        Path dir = tmp.resolve("older");
        EmbeddedModelFormat.save(older, dir);
        assertThat(Files.readString(dir.resolve("metadata.json"))).doesNotContain("thread_ids");
        Map<String, byte[]> before = weights(dir);

        TrainingPostIds.record(dir, null);                                     // the source its metadata names

        EmbeddedModel reloaded = EmbeddedModelFormat.load(ModelFiles.directory(dir), new SlangTally(), NO_IMAGES);
        assertThat(reloaded.metadata().training().threadIds()).isEqualTo(model.metadata().training().threadIds());
        assertThat(reloaded.id()).isEqualTo(model.id());
        assertThat(weights(dir)).as("weights untouched").containsExactlyEntriesOf(before);
        assertThat(reloaded.metadata().withTraining(reloaded.metadata().training().withThreadIds(null)).toJson())
                .as("nothing else in metadata.json changes").isEqualTo(older.metadata().toJson());
    }

    @Test
    void anotherFileThanTheOneTrainedOnIsRefused() throws Exception {
        Path data = LabeledFixture.copyTo(tmp);
        EmbeddedModel model = train(TrainingSet.fromFile(data));
        Path dir = tmp.resolve("m");
        EmbeddedModelFormat.save(model, dir);
        Path edited = Files.writeString(tmp.resolve("edited.jsonl"), Files.readString(data).replace("rope", "ropes"));
        assertThatThrownBy(() -> TrainingPostIds.record(dir, edited)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the file " + model.id() + " was trained on");
        assertThatThrownBy(() -> TrainingPostIds.record(dir, tmp.resolve("gone.jsonl")))
                .hasMessageContaining("is not here: pass it with --data");
    }
}
