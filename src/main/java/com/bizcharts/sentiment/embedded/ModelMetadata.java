package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.fusion.FusionWeights;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The record of how a model was produced, kept as {@code metadata.json} in its directory (Tribuo's habit of
 * provenance): what it is, what it was trained on (with the data's SHA-256), its features and options, its
 * cross-validated metrics, when and by which command.
 *
 * @param metrics cross-validation report (accuracy, macro_f1, per_class, confusion), or null when not run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelMetadata(
        int format,
        String id,
        String kind,
        String createdAt,
        String command,
        Training training,
        List<String> features,
        Map<String, Object> options,
        FusionWeights fusion,
        String fusionSource,
        JsonNode metrics) {

    public static final int FORMAT = 1;
    public static final String FILE = "metadata.json";

    /**
     * @param source      the file or "database" the labels came from
     * @param sha256      hash of the training data (file bytes, or the canonical label lines for the database)
     * @param labelCounts posts per label word
     * @param withImages  training posts whose image was available to the image signal
     * @param threadIds   the thread ids (4chan post numbers) of the posts it was trained on, sorted, each once; null
     *                    when not recorded (models from before they were, or trained on posts without ids). The
     *                    promotion gate judges a model only on golden posts outside this set.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Training(String source, String sha256, int size, Map<String, Integer> labelCounts, int withImages,
                           List<Long> threadIds) {

        public Training(String source, String sha256, int size, Map<String, Integer> labelCounts, int withImages) {
            this(source, sha256, size, labelCounts, withImages, null);
        }

        /** The same record with the trained-on thread ids set. */
        public Training withThreadIds(List<Long> ids) {
            return new Training(source, sha256, size, labelCounts, withImages, ids == null ? null : List.copyOf(ids));
        }
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ModelMetadata withMetrics(JsonNode m) {
        return new ModelMetadata(format, id, kind, createdAt, command, training, features, options, fusion,
                fusionSource, m);
    }

    public ModelMetadata withTraining(Training t) {
        return new ModelMetadata(format, id, kind, createdAt, command, t, features, options, fusion, fusionSource,
                metrics);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write metadata", e);
        }
    }

    public static ModelMetadata read(InputStream in) throws IOException {
        ModelMetadata m = JSON.readValue(in, ModelMetadata.class);
        if (m.format() != FORMAT) throw new IOException("unsupported model format " + m.format());
        return m;
    }
}
