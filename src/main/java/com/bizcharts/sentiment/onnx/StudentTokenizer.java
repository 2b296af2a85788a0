package com.bizcharts.sentiment.onnx;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distilled student's word-level tokenizer, read from its tokenizer.json (vocabulary and split pattern) and
 * applied exactly as runpod/studentlib.py's {@code encode} does when training: lowercase, every match of the
 * pattern is a word, unknown words map to [UNK], truncated and padded to the model's fixed length. Done here rather
 * than through the tokenizers library so the ids cannot drift from what the student was trained on.
 */
final class StudentTokenizer {

    /** Token ids and attention mask, both {@code maxLength} long. */
    record Encoded(long[] ids, long[] mask) {}

    private static final String DEFAULT_PATTERN = "[a-z0-9$#@']+|[^\\sa-z0-9]";

    private final Map<String, Long> vocab;
    private final Pattern words;
    private final long unk;
    private final long pad;
    private final int maxLength;

    StudentTokenizer(Map<String, Long> vocab, String pattern, int maxLength) {
        this.vocab = Map.copyOf(vocab);
        // Python's \s matches Unicode spaces; Java's only ASCII ones unless asked.
        this.words = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
        this.unk = vocab.getOrDefault("[UNK]", 1L);
        this.pad = vocab.getOrDefault("[PAD]", 0L);
        this.maxLength = maxLength;
        if (maxLength < 1) throw new IllegalArgumentException("student max_length must be positive, got " + maxLength);
    }

    static StudentTokenizer read(Path dir, int maxLength) {
        JsonNode tok = ModelDirectory.json(dir, "tokenizer.json");
        JsonNode v = tok.path("model").path("vocab");
        if (!v.isObject() || v.isEmpty()) throw new IllegalArgumentException(dir.resolve("tokenizer.json") + ": model.vocab missing");
        Map<String, Long> vocab = new HashMap<>();
        v.fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asLong()));
        String pattern = tok.path("pre_tokenizer").path("pattern").path("Regex").asText(DEFAULT_PATTERN);
        return new StudentTokenizer(vocab, pattern, maxLength);
    }

    List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = words.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) out.add(m.group());
        return out;
    }

    Encoded encode(String text) {
        long[] ids = new long[maxLength];
        long[] mask = new long[maxLength];
        java.util.Arrays.fill(ids, pad);
        List<String> w = words(text);
        for (int i = 0; i < Math.min(maxLength, w.size()); i++) {
            ids[i] = vocab.getOrDefault(w.get(i), unk);
            mask[i] = 1;
        }
        return new Encoded(ids, mask);
    }

    int maxLength() {
        return maxLength;
    }
}
