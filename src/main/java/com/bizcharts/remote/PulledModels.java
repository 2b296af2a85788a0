package com.bizcharts.remote;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.schema.Tables.MODELS;

/**
 * Registers what a run produced (the LoRA adapter and the ONNX student) in the models table with their metrics
 * and lineage. They are never activated here: promotion needs a score on the frozen golden set, and the
 * workstation has no evaluator for these kinds yet, so they are recorded as {@code pending evaluation}.
 */
public final class PulledModels {

    public static final String PENDING = "pending evaluation";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;

    public PulledModels(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Registers the adapter and, when present, the student; returns the model ids. */
    public List<String> register(RemoteRun run, Path outputDir) {
        List<String> ids = new ArrayList<>();
        Path adapter = outputDir.resolve("adapter");
        if (!Files.isRegularFile(adapter.resolve("adapter_config.json")))
            throw new RemoteException("the pulled output has no adapter (adapter/adapter_config.json missing)");
        JsonNode trainMetrics = read(adapter.resolve("metrics.json"));
        ids.add(insert(run.runId() + "-adapter", "vlm-adapter", adapter, trainMetrics.path("validation"), trainMetrics, run));
        Path student = outputDir.resolve("student");
        if (Files.isRegularFile(student.resolve("model.onnx"))) {
            JsonNode meta = read(student.resolve("metadata.json"));
            ids.add(insert(run.runId() + "-student", "student", student, meta.path("metrics"), meta, run));
        }
        return ids;
    }

    private String insert(String id, String kind, Path dir, JsonNode validation, JsonNode details, RemoteRun run) {
        ObjectNode metrics = JSON.createObjectNode();
        metrics.set("validation", validation);
        metrics.set("details", details);
        metrics.put("promotion", PENDING);
        ObjectNode lineage = JSON.createObjectNode();
        lineage.put("source", "remote-run").put("run_id", run.runId()).put("host", run.host());
        if (run.podId() != null) lineage.put("pod_id", run.podId());
        lineage.set("dataset", readJson(run.datasetJson()));
        JsonNode base = details.path("base_model").isMissingNode() ? details.path("teacher") : details.path("base_model");
        lineage.set("base_model", base);
        Long size = run.datasetJson() == null ? null : readJson(run.datasetJson()).path("train").asLong();
        db.writeVoid(ctx -> ctx.insertInto(MODELS)
                .set(MODELS.MODEL_ID, id).set(MODELS.KIND, kind).set(MODELS.PATH, dir.toString())
                .set(MODELS.CREATED_AT, UtcTime.format(clock.instant())).set(MODELS.TRAINING_SIZE, size)
                .set(MODELS.ACCURACY, number(validation, "accuracy")).set(MODELS.MACRO_F1, number(validation, "macro_f1"))
                .set(MODELS.METRICS_JSON, metrics.toString()).set(MODELS.LINEAGE_JSON, lineage.toString())
                .onConflict(MODELS.MODEL_ID).doUpdate()
                .set(MODELS.PATH, dir.toString()).set(MODELS.METRICS_JSON, metrics.toString())
                .set(MODELS.LINEAGE_JSON, lineage.toString()).execute());
        return id;
    }

    private static Double number(JsonNode n, String key) {
        return n.path(key).isNumber() ? n.path(key).asDouble() : null;
    }

    private static JsonNode read(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new RemoteException("unreadable " + file.getFileName() + " in the pulled output: " + e.getMessage());
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return text == null ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
