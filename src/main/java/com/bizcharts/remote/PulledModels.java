package com.bizcharts.remote;

import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.retrain.TrainedOn;
import com.bizcharts.sentiment.onnx.OnnxStudentModel;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRepository;
import com.bizcharts.sentiment.scoring.PromotionGate;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers what a run produced (the LoRA adapter and the ONNX student) in the models table with their metrics
 * and lineage, behind the promotion gate ({@link PromotionGate}): both start {@code pending evaluation}. The
 * student is then judged on the golden posts the run's export held out and the active model never trained on
 * ({@link #judge}); the adapter scores only on
 * a GPU machine, so it stays pending and serves as a teacher instead ('remote serve').
 */
public final class PulledModels {

    public static final String PENDING = PromotionGate.PENDING;
    static final String ADAPTER_PENDING = "a LoRA adapter runs on a GPU machine only; serve it as a teacher with 'remote serve'";

    /** What became of one pulled model at evaluation: a verdict, or why there is none. */
    public record Judged(String modelId, CandidateEvaluation.Verdict verdict, String message) {}
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRepository models;
    private final Clock clock;

    public PulledModels(Database db, Clock clock) {
        this.models = new ModelRepository(db);
        this.clock = clock;
    }

    /** Registers the adapter and, when present, the student; returns the model ids. */
    public List<String> register(RemoteRun run, Path outputDir) {
        List<String> ids = new ArrayList<>();
        Path adapter = outputDir.resolve("adapter");
        if (!Files.isRegularFile(adapter.resolve("adapter_config.json")))
            throw new RemoteException("the pulled output has no adapter (adapter/adapter_config.json missing)");
        JsonNode trainMetrics = read(adapter.resolve("metrics.json"));
        ids.add(insert(run.runId() + "-adapter", ModelLoader.VLM_ADAPTER, adapter, trainMetrics.path("validation"), trainMetrics, run));
        Path student = outputDir.resolve("student");
        if (Files.isRegularFile(student.resolve("model.onnx"))) {
            JsonNode meta = read(student.resolve("metadata.json"));
            ids.add(insert(run.runId() + "-student", OnnxStudentModel.KIND, student, meta.path("metrics"), meta, run));
        }
        return ids;
    }

    private String insert(String id, String kind, Path dir, JsonNode validation, JsonNode details, RemoteRun run) {
        ObjectNode metrics = JSON.createObjectNode();
        metrics.set("validation", validation);
        metrics.set("details", details);
        ObjectNode promotion = metrics.putObject("promotion").put("status", PENDING);
        if (kind.equals(ModelLoader.VLM_ADAPTER)) promotion.put("reason", ADAPTER_PENDING);
        ObjectNode lineage = JSON.createObjectNode();
        lineage.put("source", "remote-run").put("run_id", run.runId()).put("host", run.host());
        if (run.podId() != null) lineage.put("pod_id", run.podId());
        lineage.set(TrainedOn.LINEAGE_DATASET, readJson(run.datasetJson())); // the active-model side of a later verdict reads it
        JsonNode base = details.path("base_model").isMissingNode() ? details.path("teacher") : details.path("base_model");
        lineage.set("base_model", base);
        Long size = run.datasetJson() == null ? null : readJson(run.datasetJson()).path("train").asLong();
        models.savePulled(new ModelRepository.Registration(id, kind, dir.toString(), UtcTime.format(clock.instant()), size,
                number(validation, "accuracy"), number(validation, "macro_f1"), metrics.toString(), lineage.toString()));
        return id;
    }

    /**
     * Evaluates the run's student on the golden posts its export held out and records the verdict; a model that
     * cannot be judged (the adapter, too small a golden set, an unloadable file) stays pending, with the reason.
     */
    public List<Judged> judge(RemoteRun run, CandidateEvaluation evaluation) {
        List<Judged> out = new ArrayList<>();
        String adapter = run.runId() + "-adapter";
        if (registered(adapter)) out.add(new Judged(adapter, null, adapter + " stays " + PENDING + ": " + ADAPTER_PENDING));
        String student = run.runId() + "-student";
        if (!registered(student)) return out;
        try {
            var verdict = evaluation.evaluate(student, trainedOn(run));
            out.add(new Judged(student, verdict, verdict.summary()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.add(new Judged(student, null, student + " stays " + PENDING + ": " + e.getMessage()));
        }
        return out;
    }

    /**
     * What the run's student was trained on, as far as the export recorded it: the golden posts it kept out (any
     * other golden post may have been in it), or nothing for runs exported before those were recorded.
     */
    static TrainedOn trainedOn(RemoteRun run) {
        JsonNode ids = readJson(run.datasetJson()).path(DatasetExport.GOLDEN_IDS);
        if (!ids.isArray()) return new TrainedOn.Unrecorded("run " + run.runId() + "'s export recorded no golden posts held out");
        Set<Long> out = new HashSet<>();
        ids.forEach(n -> out.add(n.asLong()));
        return new TrainedOn.HeldOut(out);
    }

    private boolean registered(String id) {
        return models.find(id).isPresent();
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
