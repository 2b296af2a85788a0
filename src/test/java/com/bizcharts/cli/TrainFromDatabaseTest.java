package com.bizcharts.cli;

import com.bizcharts.learn.LabeledFixture;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainFromDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void trainsFromTheDatabaseLabelsWhenNoFileIsGiven() throws Exception {
        Path db = dir.resolve("l.db");
        List<LabeledPost> posts = TrainingSet.fromFile(LabeledFixture.copyTo(dir)).posts();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        try (Database d = Database.open(db)) {
            List<ThreadOp> ops = new ArrayList<>();
            for (LabeledPost p : posts) {
                ops.add(new ThreadOp(p.post().threadId(), "biz", p.post().subject(), null, p.post().text(), "Anonymous",
                        null, t, 0, 0, null, null, false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(d).upsert(ops, t);
            LabelRepository labels = new LabelRepository(d);
            for (int i = 0; i < posts.size(); i++) {
                LabeledPost p = posts.get(i);
                labels.save(Label.rated(p.post().threadId(), p.label().rating(), "me", t.plusSeconds(i), p.post().text(), null));
            }
            labels.save(Label.skip(999_999, "me", t));
        }
        Path out = dir.resolve("m");
        CliTest r = CliTest.run("--db", db.toString(), "train", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("on 36 posts");
        var meta = new ObjectMapper().readTree(out.resolve("metadata.json").toFile());
        assertThat(meta.get("training").get("source").asText()).startsWith("database ");
        assertThat(meta.get("training").get("sha256").asText()).hasSize(64);

        CliTest empty = CliTest.run("--db", dir.resolve("empty.db").toString(), "train", "--out", dir.resolve("e").toString());
        assertThat(empty.exitCode()).isNotZero();
        assertThat(empty.err().strip()).startsWith("error: no labels in the database");
    }
}
