package com.bizcharts.sentiment.scoring;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import com.bizcharts.store.schema.tables.records.ModelsRecord;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.MODELS;

/**
 * The models table: one row per registered model with its files, metrics, lineage and activation. The rules about
 * which model may become active live in {@link ModelRegistry}; this class only reads and writes rows.
 */
public final class ModelRepository {

    /** A model's row as first registered; {@code metricsJson} and {@code lineageJson} are JSON objects. */
    public record Registration(String id, String kind, String path, String createdAt, Long trainingSize,
                               Double accuracy, Double macroF1, String metricsJson, String lineageJson) {}

    private final Database db;

    public ModelRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds a model trained here, or refreshes the row of the same id (same data and options, so the same model): its
     * path and metrics change, the lineage first recorded stays.
     */
    public void saveTrained(Registration m) {
        db.writeVoid(ctx -> insert(ctx, m).onConflict(MODELS.MODEL_ID).doUpdate()
                .set(MODELS.PATH, m.path()).set(MODELS.METRICS_JSON, m.metricsJson())
                .set(MODELS.ACCURACY, m.accuracy()).set(MODELS.MACRO_F1, m.macroF1())
                .execute());
    }

    /** Adds a model pulled from a remote run, or refreshes path, metrics and lineage when the run is pulled again. */
    public void savePulled(Registration m) {
        db.writeVoid(ctx -> insert(ctx, m).onConflict(MODELS.MODEL_ID).doUpdate()
                .set(MODELS.PATH, m.path()).set(MODELS.METRICS_JSON, m.metricsJson())
                .set(MODELS.LINEAGE_JSON, m.lineageJson()).execute());
    }

    /** Adds an ONNX signal model (no metrics, no lineage), or moves the known one to {@code path}. */
    public void saveSignalModel(String id, String kind, String path, Instant createdAt) {
        db.writeVoid(ctx -> ctx.insertInto(MODELS).set(MODELS.MODEL_ID, id).set(MODELS.KIND, kind).set(MODELS.PATH, path)
                .set(MODELS.CREATED_AT, UtcTime.format(createdAt))
                .onConflict(MODELS.MODEL_ID).doUpdate().set(MODELS.PATH, path).execute());
    }

    private static InsertSetMoreStep<ModelsRecord> insert(DSLContext ctx, Registration m) {
        return ctx.insertInto(MODELS).set(MODELS.MODEL_ID, m.id()).set(MODELS.KIND, m.kind()).set(MODELS.PATH, m.path())
                .set(MODELS.CREATED_AT, m.createdAt()).set(MODELS.TRAINING_SIZE, m.trainingSize())
                .set(MODELS.ACCURACY, m.accuracy()).set(MODELS.MACRO_F1, m.macroF1())
                .set(MODELS.METRICS_JSON, m.metricsJson()).set(MODELS.LINEAGE_JSON, m.lineageJson());
    }

    public void setLineage(String modelId, String lineageJson) {
        db.writeVoid(ctx -> ctx.update(MODELS).set(MODELS.LINEAGE_JSON, lineageJson).where(MODELS.MODEL_ID.eq(modelId)).execute());
    }

    /** The model's lineage_json, "{}" when the model is unknown. */
    public String lineage(String modelId) {
        return db.read().select(MODELS.LINEAGE_JSON).from(MODELS).where(MODELS.MODEL_ID.eq(modelId))
                .fetchOptional(r -> r.value1()).orElse("{}");
    }

    /** The model's metrics_json, "{}" when the model is unknown or has none. */
    public String metrics(String modelId) {
        return db.read().select(MODELS.METRICS_JSON).from(MODELS).where(MODELS.MODEL_ID.eq(modelId))
                .fetchOptional(r -> r.value1()).filter(s -> s != null && !s.isBlank()).orElse("{}");
    }

    /** Replaces the model's metrics and the accuracy and macro-F1 shown with them. */
    public void recordEvaluation(String modelId, String metricsJson, Double accuracy, Double macroF1) {
        db.writeVoid(ctx -> ctx.update(MODELS).set(MODELS.METRICS_JSON, metricsJson).set(MODELS.ACCURACY, accuracy)
                .set(MODELS.MACRO_F1, macroF1).where(MODELS.MODEL_ID.eq(modelId)).execute());
    }

    /**
     * Makes the model the only active one and stamps its activation, in one transaction (no reader sees two active
     * models or none); false when no model has that id.
     */
    public boolean activate(String modelId, Instant at) {
        return db.write(ctx -> {
            if (ctx.fetchCount(MODELS, MODELS.MODEL_ID.eq(modelId)) == 0) return 0;
            ctx.update(MODELS).set(MODELS.ACTIVE, 0L).where(MODELS.ACTIVE.eq(1L)).execute();
            return ctx.update(MODELS).set(MODELS.ACTIVE, 1L).set(MODELS.ACTIVATED_AT, UtcTime.format(at))
                    .where(MODELS.MODEL_ID.eq(modelId)).execute();
        }) > 0;
    }

    /** As {@link #activate}, only when no model is active, checked in the same transaction; true when it activated. */
    public boolean activateIfNoneActive(String modelId, Instant at) {
        return db.write(ctx -> {
            if (ctx.fetchCount(MODELS, MODELS.ACTIVE.eq(1L)) > 0) return false;
            return ctx.update(MODELS).set(MODELS.ACTIVE, 1L).set(MODELS.ACTIVATED_AT, UtcTime.format(at))
                    .where(MODELS.MODEL_ID.eq(modelId)).execute() == 1;
        });
    }

    public Optional<RegisteredModel> active() {
        return db.read().selectFrom(MODELS).where(MODELS.ACTIVE.eq(1L)).fetchOptional(ModelRepository::fromRecord);
    }

    /** Of the models not active now, the one activated last: what a rollback returns to. */
    public Optional<RegisteredModel> previouslyActive() {
        return db.read().selectFrom(MODELS).where(MODELS.ACTIVE.eq(0L)).and(MODELS.ACTIVATED_AT.isNotNull())
                .orderBy(MODELS.ACTIVATED_AT.desc()).limit(1).fetchOptional(ModelRepository::fromRecord);
    }

    public Optional<RegisteredModel> find(String modelId) {
        return db.read().selectFrom(MODELS).where(MODELS.MODEL_ID.eq(modelId)).fetchOptional(ModelRepository::fromRecord);
    }

    /** Newest first. */
    public List<RegisteredModel> list() {
        return db.read().selectFrom(MODELS).orderBy(MODELS.CREATED_AT.desc(), MODELS.MODEL_ID).fetch(ModelRepository::fromRecord);
    }

    private static RegisteredModel fromRecord(ModelsRecord r) {
        return new RegisteredModel(r.getModelId(), r.getKind(), r.getPath(), r.getCreatedAt(), r.getTrainingSize(),
                r.getAccuracy(), r.getMacroF1(), r.getActive() == 1L, r.getActivatedAt());
    }
}
