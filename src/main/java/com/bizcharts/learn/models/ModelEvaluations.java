package com.bizcharts.learn.models;

import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.store.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.List;

/**
 * The evaluation report of a registered model: the one stored with it when its metrics hold a confusion matrix
 * ({@code train --cv}, the workstation's trainer, the guarded retrain), else one computed now by scoring the
 * database's labels, which is said in the basis because those may include the model's own training posts.
 */
public final class ModelEvaluations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRegistry registry;
    private final ModelLoader loader;
    private final Database db;
    private final Path imagesDir;

    public ModelEvaluations(ModelRegistry registry, ModelLoader loader, Database db, Path imagesDir) {
        this.registry = registry;
        this.loader = loader;
        this.db = db;
        this.imagesDir = imagesDir;
    }

    public ModelEvaluation of(String modelId) {
        RegisteredModel model = registry.find(modelId)
                .orElseThrow(() -> new IllegalArgumentException("no registered model with id " + modelId));
        JsonNode metrics = parse(registry.metrics(modelId));
        if (metrics.path("confusion").has("matrix")) return new ModelEvaluation(modelId, EvaluationReport.fromJson(metrics), storedBasis(metrics));
        return evaluateOnLabels(model);
    }

    private ModelEvaluation evaluateOnLabels(RegisteredModel row) {
        EmbeddedModel model = loader.load(row.path());
        List<LabeledPost> posts = TrainingSet.fromDatabase(db, imagesDir).posts();
        int[] truth = new int[posts.size()], predicted = new int[posts.size()];
        for (int i = 0; i < posts.size(); i++) {
            truth[i] = posts.get(i).label().index();
            predicted[i] = model.predict(posts.get(i).post()).label().index();
        }
        return new ModelEvaluation(row.id(), EvaluationReport.of(truth, predicted), "scored now on the database's " + posts.size()
                + " labels (no stored confusion matrix; includes the model's own training posts if it learnt from them)");
    }

    private static String storedBasis(JsonNode m) {
        if (m.hasNonNull("evaluated_on")) return m.get("evaluated_on").asText();
        if (m.has("folds")) return m.get("folds").asInt() + "-fold cross-validation, seed " + m.path("seed").asText("?");
        return "stored with the model";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the registry's metrics for this model are not JSON: " + e.getOriginalMessage());
        }
    }
}
