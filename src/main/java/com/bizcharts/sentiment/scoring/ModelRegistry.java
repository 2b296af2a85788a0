package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.embedded.ModelMetadata;
import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import com.bizcharts.store.schema.tables.records.ModelsRecord;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.MODELS;

/**
 * The models table: which models exist, where their files are, how good they were, and which one is active.
 * Exactly one model is active at a time; activation history (activated_at) makes rollback possible.
 */
public final class ModelRegistry {

    /** Kinds that are never the scoring model, only signals fused with it. */
    private static final java.util.Set<String> SIGNAL_KINDS = java.util.Set.of("onnx-text", "onnx-image");

    private final Database db;
    private final Clock clock;

    public ModelRegistry(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds the model or refreshes its row (same id: same data and options, so same model). */
    public RegisteredModel register(ModelMetadata m, String path) {
        db.writeVoid(ctx -> {
            ModelsRecord r = ctx.newRecord(MODELS);
            r.setModelId(m.id());
            r.setKind(m.kind());
            r.setPath(path);
            r.setCreatedAt(m.createdAt());
            r.setTrainingSize(m.training() == null ? null : (long) m.training().size());
            r.setAccuracy(metric(m, "accuracy"));
            r.setMacroF1(metric(m, "macro_f1"));
            r.setMetricsJson(m.metrics() == null ? "{}" : m.metrics().toString());
            r.setLineageJson(m.training() == null ? "{}" : lineage(m));
            ctx.insertInto(MODELS).set(r).onConflict(MODELS.MODEL_ID).doUpdate()
                    .set(MODELS.PATH, r.getPath()).set(MODELS.METRICS_JSON, r.getMetricsJson())
                    .set(MODELS.ACCURACY, r.getAccuracy()).set(MODELS.MACRO_F1, r.getMacroF1())
                    .execute();
        });
        return find(m.id()).orElseThrow();
    }

    /**
     * Records an ONNX model directory (kind onnx-text or onnx-image) under its content id, so {@code models list}
     * shows it and a prediction id that names it can be traced to its files. It is fused by naming its directory in
     * settings ({@code [signals] onnx_text / onnx_image}), not by activation.
     */
    public RegisteredModel registerSignalModel(String id, String kind, String path) {
        db.writeVoid(ctx -> ctx.insertInto(MODELS).set(MODELS.MODEL_ID, id).set(MODELS.KIND, kind).set(MODELS.PATH, path)
                .set(MODELS.CREATED_AT, UtcTime.format(clock.instant()))
                .onConflict(MODELS.MODEL_ID).doUpdate().set(MODELS.PATH, path).execute());
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
        db.writeVoid(ctx -> ctx.update(MODELS).set(MODELS.LINEAGE_JSON, lineageJson).where(MODELS.MODEL_ID.eq(modelId)).execute());
    }

    public String lineage(String modelId) {
        return db.read().select(MODELS.LINEAGE_JSON).from(MODELS).where(MODELS.MODEL_ID.eq(modelId)).fetchOptional(r -> r.value1()).orElse("{}");
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
        find(modelId).filter(m -> m.activatedAt() == null).ifPresent(m -> PromotionGate
                .refusal(modelId, metrics(modelId), active().map(RegisteredModel::id).orElse(null))
                .ifPresent(why -> { throw new IllegalArgumentException(why); }));
        int changed = db.write(ctx -> {
            if (ctx.fetchCount(MODELS, MODELS.MODEL_ID.eq(modelId)) == 0) return 0;
            ctx.update(MODELS).set(MODELS.ACTIVE, 0L).where(MODELS.ACTIVE.eq(1L)).execute();
            return ctx.update(MODELS).set(MODELS.ACTIVE, 1L).set(MODELS.ACTIVATED_AT, UtcTime.format(clock.instant()))
                    .where(MODELS.MODEL_ID.eq(modelId)).execute();
        });
        if (changed == 0) throw new IllegalArgumentException("no registered model with id " + modelId + " (see 'models list')");
    }

    /**
     * Activates {@code modelId} only if no model is active, in one transaction: two processes opening a fresh database
     * at once must not take each other's activation back. True when it activated.
     */
    public boolean activateIfNoneActive(String modelId) {
        return db.write(ctx -> {
            if (ctx.fetchCount(MODELS, MODELS.ACTIVE.eq(1L)) > 0) return false;
            return ctx.update(MODELS).set(MODELS.ACTIVE, 1L).set(MODELS.ACTIVATED_AT, UtcTime.format(clock.instant()))
                    .where(MODELS.MODEL_ID.eq(modelId)).execute() == 1;
        });
    }

    /** Re-activates the model that was active before the current one; returns it. */
    public RegisteredModel rollback() {
        RegisteredModel current = active().orElseThrow(() -> new IllegalArgumentException("no active model to roll back from"));
        RegisteredModel previous = db.read().selectFrom(MODELS)
                .where(MODELS.ACTIVE.eq(0L)).and(MODELS.ACTIVATED_AT.isNotNull())
                .orderBy(MODELS.ACTIVATED_AT.desc()).limit(1).fetchOptional(ModelRegistry::fromRecord)
                .orElseThrow(() -> new IllegalArgumentException("no earlier model to roll back to from " + current.id()));
        activate(previous.id());
        return find(previous.id()).orElseThrow();
    }

    /** The model's metrics_json ("{}" when it has none). */
    public String metrics(String modelId) {
        return db.read().select(MODELS.METRICS_JSON).from(MODELS).where(MODELS.MODEL_ID.eq(modelId))
                .fetchOptional(r -> r.value1()).filter(s -> s != null && !s.isBlank()).orElse("{}");
    }

    /** Replaces the model's metrics (e.g. with its golden-set evaluation); accuracy and macro-F1 are those shown. */
    public void recordEvaluation(String modelId, String metricsJson, Double accuracy, Double macroF1) {
        db.writeVoid(ctx -> ctx.update(MODELS).set(MODELS.METRICS_JSON, metricsJson).set(MODELS.ACCURACY, accuracy)
                .set(MODELS.MACRO_F1, macroF1).where(MODELS.MODEL_ID.eq(modelId)).execute());
    }

    public Optional<RegisteredModel> active() {
        return db.read().selectFrom(MODELS).where(MODELS.ACTIVE.eq(1L)).fetchOptional(ModelRegistry::fromRecord);
    }

    public Optional<RegisteredModel> find(String modelId) {
        return db.read().selectFrom(MODELS).where(MODELS.MODEL_ID.eq(modelId)).fetchOptional(ModelRegistry::fromRecord);
    }

    /** Newest first. */
    public List<RegisteredModel> list() {
        return db.read().selectFrom(MODELS).orderBy(MODELS.CREATED_AT.desc(), MODELS.MODEL_ID).fetch(ModelRegistry::fromRecord);
    }

    private static RegisteredModel fromRecord(ModelsRecord r) {
        return new RegisteredModel(r.getModelId(), r.getKind(), r.getPath(), r.getCreatedAt(), r.getTrainingSize(),
                r.getAccuracy(), r.getMacroF1(), r.getActive() == 1L, r.getActivatedAt());
    }
}
