package com.bizcharts.sentiment.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate a model trained elsewhere (a student pulled from the GPU machine) passes before it may score: its row
 * carries a {@code promotion} entry in metrics_json, {@value #PENDING} when registered, then the verdict of the
 * golden-set evaluation against the model active at that time. Models the workstation trains itself (the guarded
 * retrain) carry none: they are judged before they are activated. A model that was active once has passed.
 */
public final class PromotionGate {

    public static final String PENDING = "pending evaluation";
    public static final String ELIGIBLE = "eligible";
    public static final String REJECTED = "rejected";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromotionGate() {}

    /** Why {@code modelId} may not become active now, or empty when it may. */
    public static Optional<String> refusal(String modelId, String metricsJson, String activeId) {
        JsonNode promotion = read(metricsJson).path("promotion");
        if (promotion.isMissingNode() || promotion.isNull()) return Optional.empty();
        String status = promotion.isTextual() ? promotion.asText() : promotion.path("status").asText(PENDING);
        String reason = promotion.path("reason").asText("");
        if (status.equals(ELIGIBLE)) {
            String comparedWith = promotion.path("compared_with").isTextual() ? promotion.path("compared_with").asText() : null;
            if (Objects.equals(comparedWith, activeId)) return Optional.empty();
            return Optional.of(modelId + " was judged against " + name(comparedWith) + " but the active model is now "
                    + name(activeId) + ": evaluate it again ('remote evaluate') before activating it");
        }
        if (status.equals(REJECTED))
            return Optional.of(modelId + " did worse than the active model on the frozen golden set (" + reason
                    + "): not activated");
        return Optional.of(modelId + " has not been evaluated on the frozen golden set" + (reason.isBlank() ? "" : " (" + reason + ")")
                + ": run 'remote evaluate' first; it can be activated only if it is not worse than the active model");
    }

    private static String name(String id) {
        return id == null ? "the default model" : id;
    }

    private static JsonNode read(String json) {
        try {
            return json == null || json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
