package com.bizcharts.sentiment.onnx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which kind a model directory is, by its files: a sentence encoder is told apart from a classifier and a student. */
class OnnxModelsKindTest {

    @TempDir Path dir;

    @Test
    void modelAndTokenizerAloneAreASentenceEncoderButAStudentHasItsMetadata() throws Exception {
        TinyOnnxModels.writeTextModel(dir);
        assertThat(OnnxModels.kindOf(dir)).isEqualTo(OnnxModels.TEXT);
        Files.delete(dir.resolve("labels.json"));
        assertThat(OnnxModels.kindOf(dir)).isEqualTo(OnnxModels.ENCODER);
        String id = OnnxModels.id(dir);
        assertThat(id).matches("sentence-encoder-[0-9a-f]{12}");
        Files.writeString(dir.resolve("tokenizer.json"), Files.readString(dir.resolve("tokenizer.json")) + " ");
        assertThat(OnnxModels.id(dir)).isNotEqualTo(id);
        Files.writeString(dir.resolve("metadata.json"), "{\"kind\": \"student\"}");
        assertThat(OnnxModels.kindOf(dir)).isNull();
    }
}
