package com.bizcharts.sentiment.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {

    @TempDir Path dir;

    @Test
    void theBundledCatalogHoldsClipAndTheSentenceEncoderPinned() {
        ModelCatalog c = ModelCatalog.bundled();
        assertThat(c.names()).contains("clip-vit-b32", "all-minilm-l6-v2-q");
        ModelCatalog.Model clip = c.find("clip-vit-b32").orElseThrow();
        assertThat(clip.kind()).isEqualTo("onnx-image");
        assertThat(clip.revision()).matches("[0-9a-f]{40}");
        assertThat(clip.files()).extracting(ModelCatalog.File::saveAs)
                .containsExactly("image_encoder.onnx", "text_model.onnx", "tokenizer.json", "preprocessor_config.json");
        assertThat(clip.files().get(0).pinned()).isTrue();
        assertThat(clip.zeroShot().prompts()).containsOnlyKeys("bearish", "neutral", "bullish");
        assertThat(clip.zeroShot().scale()).isEqualTo(100.0);
    }

    @Test
    void theEncoderEntryPinsTheVeryFilesBundledInTheJar() throws Exception {
        // BundledEncoders checks these resources by hash: the catalog must name the same bytes on the Hub
        ModelCatalog.Model m = ModelCatalog.bundled().find("all-minilm-l6-v2-q").orElseThrow();
        assertThat(m.kind()).isEqualTo("sentence-encoder");
        for (var f : m.files()) {
            String resource = f.saveAs().equals("model.onnx") ? "/all-minilm-l6-v2-q.onnx" : "/all-minilm-l6-v2-q-tokenizer.json";
            try (InputStream in = ModelCatalogTest.class.getResourceAsStream(resource)) {
                byte[] bytes = in.readAllBytes();
                assertThat(f.size()).as(f.path()).isEqualTo(bytes.length);
                assertThat(f.sha256()).as(f.path()).isEqualTo(FakeHub.sha256(bytes));
            }
        }
    }

    @Test
    void theShippedConfigFileIsTheBundledCatalog() throws Exception {
        Path shipped = Path.of("config", "model-catalog.toml");
        assertThat(ModelCatalog.load(shipped)).isEqualTo(ModelCatalog.bundled());
        assertThat(ModelCatalog.load(dir.resolve("absent.toml"))).isEqualTo(ModelCatalog.bundled());
        assertThat(Files.readString(shipped)).contains("[[model]]");
    }

    @Test
    void aCatalogMayNameFilesOnlyInsideTheModelsFolder() throws Exception {
        Path f = dir.resolve("c.toml");
        Files.writeString(f, """
                [[model]]
                name = "x"
                kind = "onnx-text"
                repo = "a/b"
                revision = "main"
                  [[model.file]]
                  path = "model.onnx"
                  save_as = "../../outside.onnx"
                """);
        assertThatThrownBy(() -> ModelCatalog.load(f)).hasMessageContaining("save_as '../../outside.onnx' must be a plain file name");
        Files.writeString(f, Files.readString(f).replace("save_as = \"../../outside.onnx\"", "sha256 = \"abc\""));
        assertThatThrownBy(() -> ModelCatalog.load(f)).hasMessageContaining("not 64 hex digits");
        Files.writeString(f, Files.readString(f).replace("kind = \"onnx-text\"", "kind = \"gguf\""));
        assertThatThrownBy(() -> ModelCatalog.load(f)).hasMessageContaining("kind 'gguf'");
    }
}
