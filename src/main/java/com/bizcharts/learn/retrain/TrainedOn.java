package com.bizcharts.learn.retrain;

import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is known of the posts a model was trained on, by thread id: the exact set (embedded models record it in
 * {@code metadata.json}), only the golden posts it was kept away from (a student pulled from the GPU machine: its
 * export lists them), or nothing (models from before either was recorded).
 */
public sealed interface TrainedOn {

    /** The lineage field a pulled model's export summary sits under, and its list of golden ids kept out. */
    String LINEAGE_DATASET = "dataset";
    String GOLDEN_IDS = "golden_ids";

    /** Which of {@code golden} the model may have trained on (none assumed when {@link Unrecorded}). */
    Set<Long> seenAmong(Set<Long> golden);

    boolean recorded();

    /** The exact training set. */
    record Posts(Set<Long> threadIds) implements TrainedOn {
        public Posts {
            threadIds = Set.copyOf(threadIds);
        }

        @Override
        public Set<Long> seenAmong(Set<Long> golden) {
            Set<Long> seen = new HashSet<>(golden);
            seen.retainAll(threadIds);
            return seen;
        }

        @Override
        public boolean recorded() { return true; }
    }

    /** Posts known to have been kept out of training; any other golden post may have been trained on. */
    record HeldOut(Set<Long> threadIds) implements TrainedOn {
        public HeldOut {
            threadIds = Set.copyOf(threadIds);
        }

        @Override
        public Set<Long> seenAmong(Set<Long> golden) {
            Set<Long> seen = new HashSet<>(golden);
            seen.removeAll(threadIds);
            return seen;
        }

        @Override
        public boolean recorded() { return true; }
    }

    /** Nothing recorded; {@code why} says so in the verdict. */
    record Unrecorded(String why) implements TrainedOn {
        @Override
        public Set<Long> seenAmong(Set<Long> golden) { return Set.of(); }

        @Override
        public boolean recorded() { return false; }
    }

    static TrainedOn posts(List<Long> ids) {
        return new Posts(new HashSet<>(ids));
    }

    /**
     * The record of a model as loaded: an embedded model's metadata, else (a pulled student) the golden ids its
     * registry lineage says its export held out.
     */
    static TrainedOn of(SentimentModel model, String lineageJson) {
        if (model instanceof EmbeddedModel e) {
            var t = e.metadata().training();
            return t != null && t.threadIds() != null ? posts(t.threadIds())
                    : new Unrecorded(model.id() + " records no training posts (trained before they were recorded)");
        }
        return fromLineage(model.id(), lineageJson);
    }

    /** A pulled model's record: the golden ids its export held out, from its registry lineage. */
    static TrainedOn fromLineage(String modelId, String lineageJson) {
        JsonNode ids = read(lineageJson).path(LINEAGE_DATASET).path(GOLDEN_IDS);
        if (!ids.isArray()) return new Unrecorded(modelId + "'s export recorded no golden posts held out of its training");
        Set<Long> out = new HashSet<>();
        ids.forEach(n -> out.add(n.asLong()));
        return new HeldOut(out);
    }

    private static JsonNode read(String json) {
        try {
            return json == null || json.isBlank() ? new ObjectMapper().createObjectNode() : new ObjectMapper().readTree(json);
        } catch (IOException e) {
            return new ObjectMapper().createObjectNode();
        }
    }
}
