package com.bizcharts.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * One line of the training log, as runpod/trainlib.py writes it: {@code PROGRESS {json}}, {@code DONE {json}} or
 * {@code FAILED {json}}. Anything else (library warnings, tracebacks) is plain output.
 */
public sealed interface ProgressLine {

    /** The phase a run is in when its lines carry no stage: train_vlm.py's fine-tuning. */
    String TRAIN = "train";

    /** One optimizer step of a stage: {@link #TRAIN}, or what a later script names (export_student.py: "distil"). */
    record Step(String stage, long step, long totalSteps, double epoch, Double loss, Double evalMacroF1) implements ProgressLine {}

    record Done(JsonNode metrics) implements ProgressLine {}

    record Failed(String error) implements ProgressLine {}

    ObjectMapper JSON = new ObjectMapper();

    /** The event this line reports, or empty for ordinary output and for marker lines whose JSON is broken. */
    static Optional<ProgressLine> parse(String line) {
        int space = line.indexOf(' ');
        if (space < 0) return Optional.empty();
        String kind = line.substring(0, space);
        if (!kind.equals("PROGRESS") && !kind.equals("DONE") && !kind.equals("FAILED")) return Optional.empty();
        JsonNode body;
        try {
            body = JSON.readTree(line.substring(space + 1));
        } catch (Exception e) {
            return Optional.empty(); // a half-written line: the next poll reads it whole
        }
        if (body == null || !body.isObject()) return Optional.empty();
        return Optional.of(switch (kind) {
            case "PROGRESS" -> new Step(body.path("stage").asText(TRAIN), body.path("step").asLong(), body.path("total_steps").asLong(),
                    body.path("epoch").asDouble(), number(body, "loss"), number(body, "eval_macro_f1"));
            case "DONE" -> new Done(body);
            default -> new Failed(body.path("error").asText("unknown error"));
        });
    }

    private static Double number(JsonNode body, String key) {
        JsonNode n = body.get(key);
        return n == null || !n.isNumber() ? null : n.asDouble();
    }
}
