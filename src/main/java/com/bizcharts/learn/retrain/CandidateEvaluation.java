package com.bizcharts.learn.retrain;

import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.PromotionGate;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a registered model trained elsewhere (the ONNX student pulled from the GPU machine) by the guarded
 * retrain's rule: it and the active model are scored on the frozen golden posts that neither was trained on
 * ({@link UnseenGolden}), and it may be promoted only if its macro-F1 is not lower. When too few such posts remain,
 * or its training is not recorded, there is no verdict: it stays pending, with the reason. The verdict is written
 * into the registry, where {@link ModelRegistry#activate} enforces it; nothing is activated here.
 */
public final class CandidateEvaluation {

    /**
     * The outcome; {@code activeId} is the registry's active model, null when the default model scores. Undecided
     * ({@code decided} false): no scores, {@code reason} says why.
     */
    public record Verdict(String modelId, int goldenPosts, EvaluationReport candidate, String activeId,
                          String activeModel, EvaluationReport active, boolean eligible, String reason,
                          boolean decided, UnseenGolden judgedOn) {
        public String summary() {
            if (!decided) return modelId + " stays " + PromotionGate.PENDING + ": " + reason;
            return String.format(Locale.ROOT, "%s on %s: macro-F1 %.4f, accuracy %.4f; %s: %s", modelId, judgedOn.describe(),
                    candidate.macroF1(), candidate.accuracy(),
                    eligible ? "eligible for promotion ('models activate " + modelId + "')" : "rejected", reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 64;
    private static final String OTHERWISE = "judge it again ('remote evaluate') once a model that never saw them is active"
            + " (a 'learn retrain' candidate trains on no golden post)";

    private final Database db;
    private final Path imagesDir;
    private final ModelRegistry registry;
    private final ModelLoader loader;
    private final GoldenSet golden;
    private final Clock clock;

    public CandidateEvaluation(Database db, Path imagesDir, ModelRegistry registry, ModelLoader loader, GoldenSet golden,
                               Clock clock) {
        this.db = db;
        this.imagesDir = imagesDir;
        this.registry = registry;
        this.loader = loader;
        this.golden = golden;
        this.clock = clock;
    }

    /**
     * Scores the model and the active one on the golden posts neither trained on and records the verdict.
     *
     * @param trainedOn what is known of the model's training (a pulled student: the golden posts its export held out)
     */
    public Verdict evaluate(String modelId, TrainedOn trainedOn) {
        RegisteredModel row = registry.find(modelId)
                .orElseThrow(() -> new IllegalArgumentException("no registered model " + modelId + " (see 'models list')"));
        Optional<RegisteredModel> activeRow = registry.active();
        SentimentModel active = activeRow.map(loader::load).orElseGet(loader::defaultModel);
        String activeId = activeRow.map(RegisteredModel::id).orElse(null);
        UnseenGolden unseen = UnseenGolden.of(golden.threadIds(), trainedOn,
                TrainedOn.of(active, activeRow.map(r -> registry.lineage(r.id())).orElse(null)), active.id());
        Optional<String> undecided = unseen.notDeciding(OTHERWISE);
        if (undecided.isPresent()) {
            registry.recordEvaluation(modelId, pending(modelId, unseen, activeId, active.id(), undecided.get()).toString(),
                    row.accuracy(), row.macroF1());
            return new Verdict(modelId, unseen.size(), null, activeId, active.id(), null, false, undecided.get(), false, unseen);
        }
        List<LabeledPost> posts = new RetrainData(db, imagesDir).golden(unseen.threadIds());
        SentimentModel candidate = loader.load(row);
        EvaluationReport c = score(candidate, posts);
        EvaluationReport a = score(active, posts);
        boolean eligible = notWorse(c, a);
        String reason = String.format(Locale.ROOT, "golden macro-F1 %.4f vs active %s %.4f", c.macroF1(), active.id(), a.macroF1());
        registry.recordEvaluation(modelId, metrics(modelId, c, a, unseen, activeId, active.id(), eligible, reason).toString(),
                c.accuracy(), c.macroF1());
        return new Verdict(modelId, posts.size(), c, activeId, active.id(), a, eligible, reason, true, unseen);
    }

    private ObjectNode metrics(String modelId, EvaluationReport c, EvaluationReport a, UnseenGolden unseen, String activeId,
                               String activeModel, boolean eligible, String reason) {
        ObjectNode metrics = stored(modelId);
        ObjectNode g = c.toJson();
        g.put("evaluated_on", unseen.describe());
        metrics.set("golden", g);
        ObjectNode p = promotion(metrics, eligible ? PromotionGate.ELIGIBLE : PromotionGate.REJECTED, reason, unseen,
                activeId, activeModel);
        p.set("active_golden", a.toJson());
        return metrics;
    }

    /** Keeps what the row had (its own validation, an earlier golden report) and says why there is no verdict. */
    private ObjectNode pending(String modelId, UnseenGolden unseen, String activeId, String activeModel, String reason) {
        ObjectNode metrics = stored(modelId);
        promotion(metrics, PromotionGate.PENDING, reason, unseen, activeId, activeModel);
        return metrics;
    }

    private ObjectNode promotion(ObjectNode metrics, String status, String reason, UnseenGolden unseen, String activeId,
                                 String activeModel) {
        return metrics.putObject("promotion").put("status", status).put("reason", reason)
                .put("compared_with", activeId).put("active_model", activeModel)
                .put("unseen_golden", unseen.size()).put("golden", unseen.golden())
                .put("evaluated_at", UtcTime.format(clock.instant()));
    }

    private ObjectNode stored(String modelId) {
        try {
            JsonNode old = JSON.readTree(registry.metrics(modelId));
            return old instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** Accuracy, macro-F1 and the confusion matrix of a model on labeled posts (batched: ONNX models batch). */
    public static EvaluationReport score(SentimentModel model, List<LabeledPost> posts) {
        int[] truth = new int[posts.size()], predicted = new int[posts.size()];
        for (int from = 0; from < posts.size(); from += BATCH) {
            List<LabeledPost> chunk = posts.subList(from, Math.min(posts.size(), from + BATCH));
            List<Prediction> p = model.predictAll(chunk.stream().map(LabeledPost::post).toList());
            for (int i = 0; i < chunk.size(); i++) {
                truth[from + i] = chunk.get(i).label().index();
                predicted[from + i] = p.get(i).label().index();
            }
        }
        return EvaluationReport.of(truth, predicted);
    }

    /** The promotion rule the guarded retrain uses too: a candidate may replace the active model if not worse. */
    public static boolean notWorse(EvaluationReport candidate, EvaluationReport active) {
        return candidate.macroF1() >= active.macroF1();
    }
}
