package com.bizcharts.sentiment.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the small JSON files of an ONNX model directory with errors that name the file and the missing part. */
final class ModelDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelDirectory() {}

    static Path require(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("model directory " + dir + " lacks " + name);
        return p;
    }

    static JsonNode json(Path dir, String name) {
        Path p = require(dir, name);
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed " + p + ": " + e.getMessage(), e);
        }
    }

    static List<String> labels(JsonNode node, Path where) {
        JsonNode arr = node.path("labels");
        if (!arr.isArray() || arr.isEmpty()) throw new IllegalArgumentException(where + ": \"labels\" array missing");
        List<String> out = new ArrayList<>();
        arr.forEach(l -> out.add(l.asText()));
        return List.copyOf(out);
    }

    static double[] doubles(JsonNode arr, String what) {
        if (!arr.isArray() || arr.isEmpty()) throw new IllegalArgumentException(what + " must be a non-empty array");
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) out[i] = arr.get(i).asDouble();
        return out;
    }
}
