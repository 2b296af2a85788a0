package com.bizcharts.store.labels;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON lines, one object per line and nothing else on it. Jackson reads a value and stops, so without the checks
 * here a second object on the line, or garbage after the first, would be dropped without a word; and a key given
 * twice would silently take its last value.
 */
final class LabelJsonLines {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private LabelJsonLines() {}

    static List<LabelFileRow> parse(String fileName, String text) {
        List<LabelFileRow> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                rows.add(LabelFileFields.validate(object(line)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(fileName + " line " + lineNo + ": " + e.getMessage());
            }
        }
        return rows;
    }

    private static JsonNode object(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            JsonNode node;
            try {
                node = JSON.readTree(p);
            } catch (JsonProcessingException e) {
                String why = e.getOriginalMessage();
                if (why.startsWith("Duplicate field ")) {
                    throw new IllegalArgumentException("key " + why.substring("Duplicate field ".length()) + " appears twice");
                }
                throw new IllegalArgumentException("not valid JSON: " + why);
            }
            JsonToken after;
            try {
                after = p.nextToken();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("unexpected text after the object (one JSON object per line)");
            }
            if (after == JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("two JSON objects on one line (one object per line)");
            }
            if (after != null) throw new IllegalArgumentException("unexpected text after the object (one JSON object per line)");
            return node;
        } catch (java.io.IOException e) {
            // reading a String does no I/O; Jackson's signature says it might
            throw new IllegalStateException(e);
        }
    }
}
