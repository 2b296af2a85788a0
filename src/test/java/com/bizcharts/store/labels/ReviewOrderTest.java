package com.bizcharts.store.labels;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static org.assertj.core.api.Assertions.assertThat;

/** Which posts the REVIEW order holds: each kind of disagreement, and none once adjudicated. */
class ReviewOrderTest {

    @Test
    void disagreementsOfLabelersTeacherAndAConfidentModelUntilAdjudicated(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                ops.add(new ThreadOp(i, "biz", null, null, "t" + i, null, null, Instant.parse("2026-01-02T10:00:00Z").plusSeconds(i),
                        0, 0, null, null, false, false, ThreadOp.Source.LIVE));
            }
            ThreadRepository threads = new ThreadRepository(db);
            threads.upsert(ops, Instant.parse("2026-01-02T12:00:00Z"));
            LabelRepository labels = new LabelRepository(db);
            Instant t = Instant.parse("2026-01-03T00:00:00Z");
            labels.save(Label.rated(1, 3, "alice", t, null, null));   // 1: labelers disagree
            labels.save(Label.rated(1, 1, "bob", t, null, null));
            labels.save(Label.rated(2, 2, "alice", t, null, null));   // 2: labelers agree
            labels.save(Label.rated(2, 2, "bob", t, null, null));
            labels.save(Label.rated(3, 3, "alice", t, null, null));   // 3: the teacher says bearish
            labels.save(Label.rated(4, 3, "alice", t, null, null));   // 4: the model, 90 % sure, says bearish
            labels.save(Label.rated(5, 3, "alice", t, null, null));   // 5: the model says bearish, but only 60 % sure
            db.writeVoid(ctx -> {
                ctx.insertInto(TEACHER_LABELS).set(TEACHER_LABELS.THREAD_ID, 3L).set(TEACHER_LABELS.PROVIDER, "openai")
                        .set(TEACHER_LABELS.MODEL, "m").set(TEACHER_LABELS.PROMPT_VERSION, "v1").set(TEACHER_LABELS.RATING, 1L)
                        .set(TEACHER_LABELS.CONFIDENCE, 0.9).set(TEACHER_LABELS.SARCASM, 0L).set(TEACHER_LABELS.LABELED_AT, "2026-01-03T00:00:00Z")
                        .execute();
                for (long id : new long[]{4, 5}) {
                    double conf = id == 4 ? 0.9 : 0.6;
                    ctx.insertInto(PREDICTIONS).set(PREDICTIONS.THREAD_ID, id).set(PREDICTIONS.MODEL_ID, "m1").set(PREDICTIONS.LABEL, 1L)
                            .set(PREDICTIONS.SCORE, -0.5).set(PREDICTIONS.CONFIDENCE, conf).set(PREDICTIONS.P_BEARISH, conf)
                            .set(PREDICTIONS.P_NEUTRAL, 1 - conf).set(PREDICTIONS.P_BULLISH, 0.0).set(PREDICTIONS.IMAGE_STATUS, "missing")
                            .set(PREDICTIONS.SCORED_AT, "2026-01-03T00:00:00Z").execute();
                }
            });
            LabelQueue queue = new LabelQueue(db, threads, l -> l, () -> "m1");
            QueueFilter review = QueueFilter.everything().withOrder(QueueFilter.Order.REVIEW);
            assertThat(queue.ids(review, "alice", 100, 1)).containsExactly(4L, 3L, 1L);

            labels.save(Label.rated(1, 3, "carol", t, null, null).asAdjudication());
            assertThat(queue.ids(review, "carol", 100, 1)).containsExactly(4L, 3L);
            assertThat(new LabelQueue(db, threads, l -> l).ids(review, "alice", 100, 1)).as("no model named").containsExactly(3L);
        }
    }

    @Test
    void anAdjudicationSurvivesAnExportAndAnImport(@TempDir Path dir) {
        List<LabelFileRow> exported;
        try (Database db = Database.open(dir.resolve("a.db"))) {
            new ThreadRepository(db).upsert(List.of(new ThreadOp(7, "biz", null, null, "wagmi?", null, null,
                    Instant.parse("2026-01-02T10:00:00Z"), 0, 0, null, null, false, false, ThreadOp.Source.LIVE)), Instant.parse("2026-01-02T12:00:00Z"));
            LabelRepository labels = new LabelRepository(db);
            Instant t = Instant.parse("2026-01-03T00:00:00Z");
            labels.save(Label.rated(7, 3, "alice", t, null, null));
            labels.save(Label.rated(7, 1, "bob", t, null, null));
            labels.save(Label.rated(7, 1, "carol", t, null, null).withLeadTime(4200L).asAdjudication());
            exported = new LabelTransfer(db, new ThreadRepository(db), labels, (ctx, ops) -> {}).exportRows(null);
        }
        Path file = dir.resolve("team.jsonl");
        LabelFiles.write(file, exported);
        try (Database db = Database.open(dir.resolve("b.db"))) {
            LabelRepository labels = new LabelRepository(db);
            new LabelTransfer(db, new ThreadRepository(db), labels, (ctx, ops) -> {}).importRows(LabelFiles.read(file), "dave",
                    Instant.parse("2026-02-01T00:00:00Z"));
            Label decision = labels.find(7, "review:carol").orElseThrow();
            assertThat(decision.adjudicated()).isTrue();
            assertThat(decision.rating()).isEqualTo(1);
            assertThat(decision.leadTimeMs()).isEqualTo(4200L);
            assertThat(labels.ratingsNewestFirst()).extracting(LabelRepository.Rating::rating).containsExactly(1);
        }
    }
}
