package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.embedded.ModelMetadata;
import com.bizcharts.store.Database;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Which models exist, where their files are, how good they were, and which one is active: the rules over the models
 * table ({@link ModelRepository}). Exactly one model is active at a time; activation history (activated_at) makes
 * rollback possible.
 */
public final class ModelRegistry {

    /** Kinds that are never the scoring model, only signals fused with it. */
    private static final java.util.Set<String> SIGNAL_KINDS = java.util.Set.of("onnx-text", "onnx-image");
    /** Nor is a sentence encoder: it is a feature block of the embedded model. */
    private static final String ENCODER_KIND = "sentence-encoder";

    private final ModelRepository models;
    private final Clock clock;

    public ModelRegistry(Database db, Clock clock) {
        this.models = new ModelRepository(db);
        this.clock = clock;
    }

    /** Adds the model or refreshes its row (same id: same data and options, so same model). */
    public RegisteredModel register(ModelMetadata m, String path) {
        models.saveTrained(new ModelRepository.Registration(m.id(), m.kind(), path, m.createdAt(),
                m.training() == null ? null : (long) m.training().size(), metric(m, "accuracy"), metric(m, "macro_f1"),
                m.metrics() == null ? "{}" : m.metrics().toString(), m.training() == null ? "{}" : lineage(m)));
        return find(m.id()).orElseThrow();
    }

    /**
     * Records an ONNX model directory (kind onnx-text, onnx-image or sentence-encoder) under its content id, so {@code models list}
     * shows it and a prediction id that names it can be traced to its files. It is fused by naming its directory in
     * settings ({@code [signals] onnx_text / onnx_image}), not by activation.
     */
    public RegisteredModel registerSignalModel(String id, String kind, String path) {
        models.saveSignalModel(id, kind, path, clock.instant());
        return find(id).orElseThrow();
    }

    private static Double metric(ModelMetadata m, String key) {
        return m.metrics() != null && m.metrics().has(key) ? m.metrics().get(key).asDouble() : null;
    }

    private static String lineage(ModelMetadata m) {
        var t = m.training();
        return "{\"source\":" + quote(t.source()) + ",\"sha256\":" + quote(t.sha256()) + ",\"size\":" + t.size()
                + ",\"with_images\":" + t.withImages() + "}";
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Records which data went into a model (human, teacher, pseudo and replayed examples, hashes) as JSON. */
    public void setLineage(String modelId, String lineageJson) {
        models.setLineage(modelId, lineageJson);
    }

    public String lineage(String modelId) {
        return models.lineage(modelId);
    }

    /**
     * Makes the model the one that scores. A model carrying a promotion gate (see {@link PromotionGate}) must have
     * passed it, unless it was active before (a rollback to it is a deliberate choice).
     */
    public void activate(String modelId) {
        find(modelId).filter(m -> SIGNAL_KINDS.contains(m.kind())).ifPresent(m -> {
            throw new IllegalArgumentException(m.id() + " is an " + m.kind() + " model: it is fused as a further signal, "
                    + "not activated; set [signals] " + m.kind().replace('-', '_') + " = \"" + m.path() + "\" in the settings");
        });
        find(modelId).filter(m -> ENCODER_KIND.equals(m.kind())).ifPresent(m -> {
            throw new IllegalArgumentException(m.id() + " is a sentence encoder: a model trained with it reads it "
                    + "('train --encoder NAME'), it is not activated");
        });
        find(modelId).filter(m -> m.activatedAt() == null).ifPresent(m -> PromotionGate
                .refusal(modelId, metrics(modelId), active().map(RegisteredModel::id).orElse(null))
                .ifPresent(why -> { throw new IllegalArgumentException(why); }));
        if (!models.activate(modelId, clock.instant()))
            throw new IllegalArgumentException("no registered model with id " + modelId + " (see 'models list')");
    }

    /**
     * Activates {@code modelId} only if no model is active, in one transaction: two processes opening a fresh database
     * at once must not take each other's activation back. True when it activated.
     */
    public boolean activateIfNoneActive(String modelId) {
        return models.activateIfNoneActive(modelId, clock.instant());
    }

    /** Re-activates the model that was active before the current one; returns it. */
    public RegisteredModel rollback() {
        RegisteredModel current = active().orElseThrow(() -> new IllegalArgumentException("no active model to roll back from"));
        RegisteredModel previous = models.previouslyActive()
                .orElseThrow(() -> new IllegalArgumentException("no earlier model to roll back to from " + current.id()));
        activate(previous.id());
        return find(previous.id()).orElseThrow();
    }

    /** The model's metrics_json ("{}" when it has none). */
    public String metrics(String modelId) {
        return models.metrics(modelId);
    }

    /** Replaces the model's metrics (e.g. with its golden-set evaluation); accuracy and macro-F1 are those shown. */
    public void recordEvaluation(String modelId, String metricsJson, Double accuracy, Double macroF1) {
        models.recordEvaluation(modelId, metricsJson, accuracy, macroF1);
    }

    public Optional<RegisteredModel> active() {
        return models.active();
    }

    public Optional<RegisteredModel> find(String modelId) {
        return models.find(modelId);
    }

    /** Newest first. */
    public List<RegisteredModel> list() {
        return models.list();
    }
}
