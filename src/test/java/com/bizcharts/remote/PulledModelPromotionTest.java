package com.bizcharts.remote;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.onnx.OnnxStudentModel;
import com.bizcharts.sentiment.onnx.TinyStudent;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The promotion gate: a pulled student is judged on the held-out golden posts and activated only if not worse. */
class PulledModelPromotionTest {

    @TempDir Path tmp;
    private Database db;
    private ModelRegistry registry;
    private ModelLoader loader;
    private CandidateEvaluation evaluation;
    private RunRepository runs;
    private PulledModels pulled;

    @BeforeEach
    void setUp() throws Exception {
        db = RemoteFixture.seeded(tmp.resolve("b.db"), tmp.resolve("images"));
        RemoteFixture.addGolden(db, 36);
        Clock clock = Clock.systemUTC();
        registry = new ModelRegistry(db, clock);
        loader = new ModelLoader(tmp.resolve("no-default"), Engine.signals(Settings.defaults()));
        evaluation = new CandidateEvaluation(db, tmp.resolve("images"), registry, loader, new GoldenSet(db, clock), clock);
        runs = new RunRepository(db, clock);
        pulled = new PulledModels(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A pulled run whose export held out the golden posts it names, with a tiny student (inverted: a bad one). */
    private RemoteRun pulledRun(String runId, boolean inverted, List<Long> heldOut) throws Exception {
        runs.create(runId, new SshTarget("127.0.0.1", 22, "root", null, tmp.resolve("kh")), "/workspace", null, null, "running");
        runs.dataset(runId, new DatasetExport.Summary(11, 2, 12, 1, 7, "a", "b", heldOut).toJson());
        runs.status(runId, "succeeded", null);
        Path out = tmp.resolve("runs").resolve(runId).resolve("output");
        Files.createDirectories(out.resolve("adapter"));
        Files.writeString(out.resolve("adapter/adapter_config.json"), "{\"r\": 16}");
        TinyStudent.write(out.resolve("student"), "student-" + runId, DatasetExport.PROMPT + "\n", inverted);
        RemoteRun run = runs.find(runId).orElseThrow();
        assertThat(pulled.register(run, out)).containsExactly(runId + "-adapter", runId + "-student");
        runs.pulled(runId, out.toString(), "{}");
        return runs.find(runId).orElseThrow();
    }

    private static List<Long> golden(int from, int to) {
        return java.util.stream.LongStream.range(2000 + from, 2000 + to).boxed().toList();
    }

    @Test
    void aStudentIsActivatedOnlyAfterItsGoldenScoreIsNotWorse() throws Exception {
        RemoteRun run = pulledRun("rt-good", false, golden(0, 32));
        assertThatThrownBy(() -> registry.activate("rt-good-student")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has not been evaluated on the frozen golden set").hasMessageContaining("remote evaluate");

        List<PulledModels.Judged> judged = pulled.judge(run, evaluation);
        assertThat(judged).extracting(PulledModels.Judged::modelId).containsExactly("rt-good-adapter", "rt-good-student");
        assertThat(judged.get(0).message()).contains("stays pending evaluation").contains("remote serve");
        CandidateEvaluation.Verdict v = judged.get(1).verdict();
        assertThat(v.goldenPosts()).as("only the golden posts its export held out").isEqualTo(32);
        assertThat(v.judgedOn().threadIds()).containsExactlyInAnyOrderElementsOf(golden(0, 32));
        assertThat(v.candidate().macroF1()).isEqualTo(1.0);
        assertThat(v.eligible()).isTrue();
        assertThat(v.activeId()).as("nothing registered is active: judged against the default model").isNull();
        assertThat(registry.find("rt-good-student").orElseThrow().macroF1()).isEqualTo(1.0);
        assertThat(registry.metrics("rt-good-student")).contains("\"status\":\"eligible\"").contains("\"golden\"")
                .contains("\"validation\"");

        registry.activate("rt-good-student");
        var scorer = loader.scoring(loader.load(registry.active().orElseThrow()));
        assertThat(scorer).isInstanceOf(OnnxStudentModel.class);
        assertThat(scorer.predict(PostInput.ofText(null, "wagmi to the moon")).label()).isEqualTo(SentimentLabel.BULLISH);
        assertThatThrownBy(() -> registry.activate("rt-good-adapter")).hasMessageContaining("GPU machine only");
    }

    @Test
    void aWorseStudentIsRejectedAndStaysInactive() throws Exception {
        RemoteRun run = pulledRun("rt-bad", true, golden(0, 36));
        CandidateEvaluation.Verdict v = pulled.judge(run, evaluation).get(1).verdict();
        assertThat(v.eligible()).isFalse();
        assertThat(v.candidate().macroF1()).isLessThan(v.active().macroF1());
        assertThat(v.summary()).contains("rejected").contains("golden macro-F1");
        assertThatThrownBy(() -> registry.activate("rt-bad-student")).hasMessageContaining("did worse than the active model");
        assertThat(registry.active()).isEmpty();
    }

    @Test
    void aVerdictAgainstAnEarlierActiveModelMustBeRenewed() throws Exception {
        RemoteRun first = pulledRun("rt-one", false, golden(0, 36));
        RemoteRun second = pulledRun("rt-two", false, golden(0, 36));
        pulled.judge(first, evaluation);
        pulled.judge(second, evaluation);
        registry.activate("rt-two-student");
        assertThatThrownBy(() -> registry.activate("rt-one-student"))
                .hasMessageContaining("judged against the default model but the active model is now rt-two-student");
        assertThat(pulled.judge(first, evaluation).get(1).verdict().activeId()).isEqualTo("rt-two-student");
        registry.activate("rt-one-student");
        assertThat(registry.active().orElseThrow().id()).isEqualTo("rt-one-student");
        assertThat(registry.rollback().id()).as("a model that was active once may come back").isEqualTo("rt-two-student");
    }

    @Test
    void tooFewHeldOutGoldenPostsLeaveTheStudentPendingWithTheReason() throws Exception {
        RemoteRun run = pulledRun("rt-few", false, golden(0, 5));
        PulledModels.Judged j = pulled.judge(run, evaluation).get(1);
        assertThat(j.verdict().decided()).isFalse();
        assertThat(j.verdict().eligible()).isFalse();
        assertThat(registry.metrics("rt-few-student")).contains("\"status\":\"pending evaluation\"").contains("\"unseen_golden\":5");
        assertThat(j.message()).contains("stays pending evaluation")
                .contains("too few unseen golden posts (5 of 37; the candidate trained on the rest): not deciding")
                .contains("learn golden --freeze");
        assertThatThrownBy(() -> registry.activate("rt-few-student")).hasMessageContaining("has not been evaluated");
    }

    /** An embedded model trained on the first six golden posts (and a dozen posts outside the database), made active. */
    private String activateModelTrainedOnSomeGolden() {
        List<LabeledPost> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) posts.add(labeled(2000 + i, i % 3 + 1, RemoteFixture.TEXTS[i % 3][i / 3 % 3]));
        for (int i = 0; i < 12; i++) posts.add(labeled(7000 + i, i % 3 + 1, RemoteFixture.TEXTS[i % 3][i / 3 % 3] + " " + i));
        var signals = Engine.signals(Settings.defaults());
        EmbeddedModel model = new EmbeddedTrainer(signals.lexicon(), signals.images()).train(posts,
                EmbeddedTrainer.Options.standard(), new EmbeddedTrainer.Provenance("test", "0", "test", Instant.EPOCH));
        Path dir = tmp.resolve("models").resolve(model.id());
        EmbeddedModelFormat.save(model, dir);
        registry.register(model.metadata(), dir.toString());
        registry.activate(model.id());
        return model.id();
    }

    private static LabeledPost labeled(long id, int rating, String text) {
        return new LabeledPost(new PostInput(id, "", text, null, 0, null), SentimentLabel.ofRating(rating));
    }

    @Test
    void theGoldenPostsTheActiveModelTrainedOnDoNotJudgeTheStudent() throws Exception {
        String active = activateModelTrainedOnSomeGolden();
        RemoteRun run = pulledRun("rt-fair", false, golden(0, 36));
        CandidateEvaluation.Verdict v = pulled.judge(run, evaluation).get(1).verdict();
        assertThat(v.decided()).as(v.reason()).isTrue();
        assertThat(v.activeId()).isEqualTo(active);
        assertThat(v.judgedOn().threadIds()).as("held out of the student, and not in the active model's training")
                .containsExactlyInAnyOrderElementsOf(golden(6, 36));
        assertThat(v.judgedOn().seenByActive()).isEqualTo(6);
        assertThat(v.goldenPosts()).isEqualTo(30);
        assertThat(v.summary()).contains("on 30 golden posts neither model trained on (of 37)");

        RemoteRun few = pulledRun("rt-fewer", false, golden(0, 20));
        CandidateEvaluation.Verdict none = pulled.judge(few, evaluation).get(1).verdict();
        assertThat(none.decided()).isFalse();
        assertThat(none.summary()).startsWith("rt-fewer-student stays pending evaluation: too few unseen golden posts (14 of 37;"
                + " of the rest the active model " + active + " trained on 6, the candidate on 17): not deciding");
    }
}
