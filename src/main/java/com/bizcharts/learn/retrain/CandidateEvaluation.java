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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a registered model trained elsewhere (the ONNX student pulled from the GPU machine) by the guarded
 * retrain's rule: it and the active model are scored on the frozen golden set, restricted to the golden posts that
 * were held out of its training, and it may be promoted only if its macro-F1 is not lower. The verdict is written
 * into the registry, where {@link ModelRegistry#activate} enforces it; nothing is activated here.
 */
public final class CandidateEvaluation {

    /** The outcome; {@code activeId} is the registry's active model, null when the default model scores. */
    public record Verdict(String modelId, int goldenPosts, EvaluationReport candidate, String activeId,
                          String activeModel, EvaluationReport active, boolean eligible, String reason) {
        public String summary() {
            return String.format(Locale.ROOT, "%s on the golden set (%d posts): macro-F1 %.4f, accuracy %.4f; %s: %s",
                    modelId, goldenPosts, candidate.macroF1(), candidate.accuracy(),
                    eligible ? "eligible for promotion ('models activate " + modelId + "')" : "rejected", reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 64;

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
     * Scores the model and the active one and records the verdict.
     *
     * @param heldOut the golden posts that were kept out of the model's training (null: the whole golden set)
     */
    public Verdict evaluate(String modelId, Set<Long> heldOut) {
        RegisteredModel row = registry.find(modelId)
                .orElseThrow(() -> new IllegalArgumentException("no registered model " + modelId + " (see 'models list')"));
        Set<Long> ids = new HashSet<>(golden.threadIds());
        if (heldOut != null) ids.retainAll(heldOut);
        List<LabeledPost> posts = new RetrainData(db, imagesDir).golden(ids);
        if (posts.size() < GuardedRetrain.MIN_GOLDEN)
            throw new IllegalArgumentException("need at least " + GuardedRetrain.MIN_GOLDEN + " golden human labels held out of "
                    + modelId + "'s training to judge it, have " + posts.size()
                    + ": label more posts and freeze them ('learn golden') before the next run");
        SentimentModel candidate = loader.load(row);
        Optional<RegisteredModel> activeRow = registry.active();
        SentimentModel active = activeRow.map(loader::load).orElseGet(loader::defaultModel);
        EvaluationReport c = score(candidate, posts);
        EvaluationReport a = score(active, posts);
        boolean eligible = notWorse(c, a);
        String reason = String.format(Locale.ROOT, "golden macro-F1 %.4f vs active %s %.4f", c.macroF1(), active.id(), a.macroF1());
        String activeId = activeRow.map(RegisteredModel::id).orElse(null);
        registry.recordEvaluation(modelId, metrics(modelId, c, a, posts.size(), activeId, active.id(), eligible, reason).toString(),
                c.accuracy(), c.macroF1());
        return new Verdict(modelId, posts.size(), c, activeId, active.id(), a, eligible, reason);
    }

    private ObjectNode metrics(String modelId, EvaluationReport c, EvaluationReport a, int n, String activeId,
                               String activeModel, boolean eligible, String reason) {
        ObjectNode metrics;
        try {
            JsonNode old = JSON.readTree(registry.metrics(modelId));
            metrics = old instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            metrics = JSON.createObjectNode();
        }
        ObjectNode g = c.toJson();
        g.put("evaluated_on", "golden set (" + n + " human labels held out of training)");
        metrics.set("golden", g);
        ObjectNode p = metrics.putObject("promotion");
        p.put("status", eligible ? PromotionGate.ELIGIBLE : PromotionGate.REJECTED).put("reason", reason)
                .put("compared_with", activeId).put("active_model", activeModel)
                .put("evaluated_at", UtcTime.format(clock.instant()));
        p.set("active_golden", a.toJson());
        return metrics;
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
