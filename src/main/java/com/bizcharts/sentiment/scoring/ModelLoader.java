package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ModelFiles;
import com.bizcharts.sentiment.onnx.OnnxStudentModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and loads the model to score with: the registry's active model, or else the default model directory from
 * settings ({@code models/default}), or else the copy of it bundled in the jar, so a fresh install scores at once.
 * The scoring model ({@link #scoring}) fuses the further signals too when it is an embedded model; {@link #load} and
 * {@link #defaultModel} give the model alone, as trained (what the guarded retrain compares, so both sides are judged
 * alike). A registered ONNX student (a model distilled on the GPU machine) loads once and stays open: the loader owns
 * its native session, so callers never close what it returns.
 */
public final class ModelLoader implements AutoCloseable {

    private static final String JAR_PREFIX = "jar:";
    /** The kind remote training registers its LoRA adapter under (remote.PulledModels). */
    public static final String VLM_ADAPTER = "vlm-adapter";

    private final Path defaultModel;
    private final SentimentSignals signals;
    private final Map<String, OnnxStudentModel> students = new ConcurrentHashMap<>();

    public ModelLoader(Path defaultModel, SentimentSignals signals) {
        this.defaultModel = defaultModel;
        this.signals = signals;
    }

    /** The model as it scores posts: an embedded one fused with the further signals, a student as it is. */
    public SentimentModel scoring(SentimentModel m) {
        return m instanceof EmbeddedModel e ? withSignals(e) : m;
    }

    /** The model fused with the further signals (repost neighbours, OCR text, ONNX models) as it scores posts. */
    public EmbeddedModel withSignals(EmbeddedModel model) {
        return model.withSignals(signals.further());
    }

    /** A registered model of a kind this workstation can score with: embedded, or an ONNX student. */
    public SentimentModel load(RegisteredModel m) {
        if (OnnxStudentModel.KIND.equals(m.kind())) return students.computeIfAbsent(m.path(), p -> new OnnxStudentModel(Path.of(p)));
        if (VLM_ADAPTER.equals(m.kind()))
            throw new IllegalArgumentException("model " + m.id() + " is a LoRA adapter for the vision-language model: it runs on a"
                    + " GPU machine ('remote serve'), not as this workstation's scorer");
        if (!m.path().startsWith(JAR_PREFIX) && !Files.isRegularFile(Path.of(m.path()).resolve("metadata.json"))) {
            // the shipped default registered from another working folder (or the jar's copy): the same model
            EmbeddedModel shipped = defaultModel();
            if (shipped.metadata().id().equals(m.id())) return shipped;
            throw new IllegalArgumentException("model " + m.id() + " is registered at " + m.path() + " but its files are not there"
                    + " (moved or deleted?): register the folder again ('models register DIR') or activate another model");
        }
        return load(m.path());
    }

    public EmbeddedModel defaultModel() {
        return load(defaultLocation());
    }

    /** Where the default model is read from: the directory when it exists, else the jar. */
    public String defaultLocation() {
        return Files.isRegularFile(defaultModel.resolve("metadata.json")) ? defaultModel.toString()
                : JAR_PREFIX + ModelFiles.BUNDLED_DEFAULT;
    }

    /** A directory path, or {@code jar:/com/bizcharts/models/default/} for the bundled model. */
    public EmbeddedModel load(String location) {
        ModelFiles files = location.startsWith(JAR_PREFIX)
                ? ModelFiles.bundled(location.substring(JAR_PREFIX.length()))
                : ModelFiles.directory(Path.of(location));
        return EmbeddedModelFormat.load(files, signals.lexicon(), signals.images(), signals.encoders());
    }

    /** Frees the native sessions of the students loaded so far. */
    @Override
    public void close() {
        students.values().forEach(OnnxStudentModel::close);
        students.clear();
    }
}
