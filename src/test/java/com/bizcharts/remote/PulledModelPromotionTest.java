package com.bizcharts.remote;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.SentimentLabel;
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
        RemoteFixture.addGolden(db, 18);
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
        RemoteRun run = pulledRun("rt-good", false, golden(0, 16));
        assertThatThrownBy(() -> registry.activate("rt-good-student")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has not been evaluated on the frozen golden set").hasMessageContaining("remote evaluate");

        List<PulledModels.Judged> judged = pulled.judge(run, evaluation);
        assertThat(judged).extracting(PulledModels.Judged::modelId).containsExactly("rt-good-adapter", "rt-good-student");
        assertThat(judged.get(0).message()).contains("stays pending evaluation").contains("remote serve");
        CandidateEvaluation.Verdict v = judged.get(1).verdict();
        assertThat(v.goldenPosts()).as("only the golden posts its export held out").isEqualTo(16);
        assertThat(v.candidate().macroF1()).isEqualTo(1.0);
        assertThat(v.eligible()).isTrue();
        assertThat(v.activeId()).as("nothing registered is active: judged against the default model").isNull();
        assertThat(registry.find("rt-good-student").orElseThrow().macroF1()).isEqualTo(1.0);
        assertThat(registry.metrics("rt-good-student")).contains("\"status\":\"eligible\"").contains("\"golden\"")
                .contains("\"validation\"");

        registry.activate("rt-good-student");
        var scorer = loader.active(registry);
        assertThat(scorer).isInstanceOf(OnnxStudentModel.class);
        assertThat(scorer.predict(PostInput.ofText(null, "wagmi to the moon")).label()).isEqualTo(SentimentLabel.BULLISH);
        assertThatThrownBy(() -> registry.activate("rt-good-adapter")).hasMessageContaining("GPU machine only");
    }

    @Test
    void aWorseStudentIsRejectedAndStaysInactive() throws Exception {
        RemoteRun run = pulledRun("rt-bad", true, golden(0, 18));
        CandidateEvaluation.Verdict v = pulled.judge(run, evaluation).get(1).verdict();
        assertThat(v.eligible()).isFalse();
        assertThat(v.candidate().macroF1()).isLessThan(v.active().macroF1());
        assertThat(v.summary()).contains("rejected").contains("golden macro-F1");
        assertThatThrownBy(() -> registry.activate("rt-bad-student")).hasMessageContaining("did worse than the active model");
        assertThat(registry.active()).isEmpty();
    }

    @Test
    void aVerdictAgainstAnEarlierActiveModelMustBeRenewed() throws Exception {
        RemoteRun first = pulledRun("rt-one", false, golden(0, 18));
        RemoteRun second = pulledRun("rt-two", false, golden(0, 18));
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
        assertThat(j.verdict()).isNull();
        assertThat(j.message()).contains("stays pending evaluation").contains("need at least 15 golden human labels held out")
                .contains("have 5");
        assertThatThrownBy(() -> registry.activate("rt-few-student")).hasMessageContaining("has not been evaluated");
    }
}
