package com.bizcharts.sentiment.scoring;

import com.bizcharts.sentiment.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ModelFiles;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds and loads the model to score with: the registry's active model, or else the default model directory from
 * settings ({@code models/default}), or else the copy of it bundled in the jar, so a fresh install scores at once.
 */
public final class ModelLoader {

    private static final String JAR_PREFIX = "jar:";

    private final Path defaultModel;
    private final SentimentSignals signals;

    public ModelLoader(Path defaultModel, SentimentSignals signals) {
        this.defaultModel = defaultModel;
        this.signals = signals;
    }

    /** The active model if one is registered and active, else the default. */
    public EmbeddedModel active(ModelRegistry registry) {
        return registry.active().map(m -> load(m.path())).orElseGet(this::defaultModel);
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
}
