package com.bizcharts.sentiment.hub;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The models {@code models fetch} knows: for each, the Hub repository, the revision it is pinned at, the files to
 * download with their sizes and SHA-256 where known, and what completes the directory (a labels.json, or a zero-shot
 * head made from a CLIP text tower). Read from {@code config/model-catalog.toml}, or the copy bundled in the jar.
 */
public record ModelCatalog(List<Model> models) {

    public static final String BUNDLED = "/com/bizcharts/config/model-catalog.toml";
    static final Set<String> KINDS = Set.of("onnx-text", "onnx-image", "sentence-encoder");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * One model of the catalog.
     *
     * @param labels   written as labels.json (onnx-text), or null
     * @param zeroShot how head.json is made from the text tower (onnx-image), or null
     * @param note     said after a fetch (e.g. how a sentence encoder is used), or null
     */
    public record Model(String name, String kind, String description, String repo, String revision, List<File> files,
                        JsonNode labels, ZeroShot zeroShot, String note) {
        /** The sum of the sizes the catalog gives (some files may have none: see {@link #allSized}). */
        public long knownSize() {
            return files.stream().filter(f -> f.size() != null).mapToLong(File::size).sum();
        }

        public boolean allSized() {
            return files.stream().allMatch(f -> f.size() != null);
        }

        /** "88.6 MB", "at least 88.6 MB" when some sizes are not in the catalog, "" when none are. */
        public String describeSize() {
            if (knownSize() == 0) return "";
            return (allSized() ? "" : "at least ") + FetchStatus.megabytes(knownSize());
        }
    }

    /** A file of the repository, saved under {@code saveAs} in the model's folder; size and sha256 may be null. */
    public record File(String path, String saveAs, Long size, String sha256) {
        public boolean pinned() { return sha256 != null; }
    }

    /** Prompts per label (in the head's label order) for a CLIP zero-shot head, and the logit scale. */
    public record ZeroShot(String textModel, String tokenizer, double scale, Map<String, List<String>> prompts) {}

    private static final TomlMapper TOML = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The catalog in {@code file}, or the bundled one when the file does not exist. */
    public static ModelCatalog load(Path file) {
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the model catalog " + file + ": " + e.getMessage(), e);
            }
        }
        return bundled();
    }

    public static ModelCatalog bundled() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("the model catalog is missing from the jar: " + BUNDLED);
            return parse(in, "the bundled model catalog");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled model catalog: " + e.getMessage(), e);
        }
    }

    static ModelCatalog parse(InputStream in, String where) throws IOException {
        JsonNode root;
        try {
            root = TOML.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " is not valid TOML: " + firstLine(e.getMessage()), e);
        }
        List<Model> models = new ArrayList<>();
        for (JsonNode m : root.path("model")) models.add(model(m, where));
        if (models.stream().map(Model::name).distinct().count() != models.size()) {
            throw new IllegalArgumentException(where + ": two models have the same name");
        }
        return new ModelCatalog(List.copyOf(models));
    }

    public Optional<Model> find(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return models.stream().map(Model::name).toList();
    }

    private static Model model(JsonNode m, String where) {
        String name = text(m, "name", where + ": a model");
        String at = where + ", model " + name;
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException(at + ": a name is lower-case letters, digits, '.', '_' or '-'");
        String kind = text(m, "kind", at);
        if (!KINDS.contains(kind)) throw new IllegalArgumentException(at + ": kind '" + kind + "' is not one of " + KINDS);
        List<File> files = new ArrayList<>();
        for (JsonNode f : m.path("file")) files.add(file(f, at));
        if (files.isEmpty()) throw new IllegalArgumentException(at + ": no [[model.file]]");
        ZeroShot zeroShot = m.has("zero_shot") ? zeroShot(m.get("zero_shot"), at) : null;
        if (zeroShot != null) {
            for (String needed : List.of(zeroShot.textModel(), zeroShot.tokenizer())) {
                if (files.stream().noneMatch(f -> f.saveAs().equals(needed))) {
                    throw new IllegalArgumentException(at + ": zero_shot reads " + needed + ", which no [[model.file]] saves");
                }
            }
        }
        JsonNode labels = m.has("labels") ? m.get("labels") : null;
        if (labels != null && !labels.path("labels").isArray()) throw new IllegalArgumentException(at + ": [model.labels] needs a labels array");
        return new Model(name, kind, m.path("description").asText(""), text(m, "repo", at), text(m, "revision", at),
                List.copyOf(files), labels, zeroShot, m.hasNonNull("note") ? m.get("note").asText() : null);
    }

    private static File file(JsonNode f, String at) {
        String path = text(f, "path", at + ": a file");
        String saveAs = f.hasNonNull("save_as") ? f.get("save_as").asText() : path.substring(path.lastIndexOf('/') + 1);
        // the folder is ours: a catalog may name files inside it only
        if (saveAs.isBlank() || saveAs.contains("/") || saveAs.contains("\\") || saveAs.startsWith(".")) {
            throw new IllegalArgumentException(at + ": save_as '" + saveAs + "' must be a plain file name");
        }
        if (path.startsWith("/") || path.contains("..")) throw new IllegalArgumentException(at + ": path '" + path + "' must be relative");
        String sha = f.hasNonNull("sha256") ? f.get("sha256").asText().toLowerCase(java.util.Locale.ROOT) : null;
        if (sha != null && !SHA256.matcher(sha).matches()) throw new IllegalArgumentException(at + ": sha256 of " + path + " is not 64 hex digits");
        Long size = f.hasNonNull("size") ? f.get("size").asLong() : null;
        return new File(path, saveAs, size, sha);
    }

    private static ZeroShot zeroShot(JsonNode z, String at) {
        Map<String, List<String>> prompts = new LinkedHashMap<>();
        for (String label : List.of("bearish", "neutral", "bullish")) {
            JsonNode p = z.path(label);
            if (p.isMissingNode()) continue;
            List<String> texts = new ArrayList<>();
            p.forEach(t -> texts.add(t.asText()));
            if (texts.isEmpty()) throw new IllegalArgumentException(at + ": zero_shot." + label + " has no prompts");
            prompts.put(label, List.copyOf(texts));
        }
        if (!prompts.containsKey("bearish") || !prompts.containsKey("bullish")) {
            throw new IllegalArgumentException(at + ": zero_shot needs bearish and bullish prompts");
        }
        return new ZeroShot(z.path("text_model").asText("text_model.onnx"), z.path("tokenizer").asText("tokenizer.json"),
                z.path("scale").asDouble(100.0), prompts);
    }

    private static String text(JsonNode n, String key, String at) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new IllegalArgumentException(at + " lacks " + key);
        return v.asText().strip();
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
