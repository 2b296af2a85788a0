package com.bizcharts.learn.train;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.labels.SentimentLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The database's labels as training examples: each stored post read as the scorer reads it. */
class DatabaseTrainingSetTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aRatedPostIsReadAsTheScorerReadsItAndOneNoLongerStoredIsTheTextTheLabelerSaw(@TempDir Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.write(images.resolve("1s.jpg"), new byte[] {1, 2, 3});
        try (Database db = Database.open(dir.resolve("t.db"))) {
            LearnFixtures.post(db, 1, "wagmi", "moon soon", "1s.jpg", T0);
            LearnFixtures.post(db, 2, "", "it's over", "2s.jpg", T0); // its thumbnail was never downloaded
            LabelRepository labels = new LabelRepository(db);
            labels.save(Label.rated(1, 3, "alice", T0.plusSeconds(1), null, null));
            labels.save(Label.rated(2, 1, "alice", T0.plusSeconds(2), null, null));
            labels.save(Label.rated(3, 2, "alice", T0.plusSeconds(3), "the text alice saw", null)); // post 3 is not stored
            labels.save(Label.rated(1, 2, "bob", T0.plusSeconds(4), null, null)); // a later verdict on post 1

            TrainingSet set = TrainingSet.fromDatabase(db, images);

            assertThat(set.posts()).extracting(p -> p.post().threadId()).containsExactly(2L, 3L, 1L);
            LabeledPost one = set.posts().get(2);
            assertThat(one.label()).isEqualTo(SentimentLabel.NEUTRAL);
            assertThat(one.post()).isEqualTo(PostInput.of(new ThreadRepository(db).find(1).orElseThrow(), images));
            assertThat(one.post().image()).isEqualTo(images.resolve("1s.jpg"));
            assertThat(set.posts().get(0).post().image()).as("a thumbnail not on disk is no image").isNull();
            assertThat(set.posts().get(1).post()).isEqualTo(new PostInput(3, "", "the text alice saw", null, 0, null));
        }
    }
}
