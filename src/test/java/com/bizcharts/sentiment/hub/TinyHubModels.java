package com.bizcharts.sentiment.hub;

import com.bizcharts.sentiment.onnx.TinyClip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The tiny CLIP of {@link TinyClip} published on a {@link FakeHub} as a Hub repository (the two towers as LFS files
 * behind the CDN redirect, the JSON files plain), and a catalog that names it: the vision tower pinned by size and
 * SHA-256, the other files unpinned (their hashes are recorded on first download). Tests vary the catalog's text.
 */
public final class TinyHubModels {

    public static final String REPO = "tiny/clip-vit";
    public static final String REVISION = "d15189d7028b43f1d3e65039190477f6af591c2a";
    public static final String VISION = "onnx/vision_model.onnx";

    private TinyHubModels() {}

    public static Map<String, byte[]> publishClip(FakeHub hub) {
        try {
            Map<String, byte[]> files = TinyClip.files();
            files.forEach((path, bytes) -> hub.put(REPO, REVISION, path, bytes, path.endsWith(".onnx")));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalog with the model {@code tiny-clip} (kind onnx-image, zero-shot head at scale 10). */
    public static String clipCatalog(Map<String, byte[]> files) {
        byte[] vision = files.get(VISION);
        return """
                [[model]]
                name = "tiny-clip"
                kind = "onnx-image"
                description = "a tiny CLIP for tests"
                repo = "%s"
                revision = "%s"
                  [[model.file]]
                  path = "%s"
                  save_as = "image_encoder.onnx"
                  size = %d
                  sha256 = "%s"
                  [[model.file]]
                  path = "onnx/text_model.onnx"
                  save_as = "text_model.onnx"
                  [[model.file]]
                  path = "tokenizer.json"
                  [[model.file]]
                  path = "preprocessor_config.json"
                  [model.zero_shot]
                  scale = 10.0
                  bearish = ["rekt ngmi", "rekt"]
                  neutral = ["the is"]
                  bullish = ["moon wagmi", "moon"]
                """.formatted(REPO, REVISION, VISION, vision.length, FakeHub.sha256(vision));
    }

    public static Path writeCatalog(Path file, String toml) {
        try {
            Files.writeString(file, toml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
