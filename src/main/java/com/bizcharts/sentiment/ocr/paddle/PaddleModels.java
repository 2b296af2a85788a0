package com.bizcharts.sentiment.ocr.paddle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The four files of a PaddleOCR pipeline: detector, recogniser, angle classifier (ONNX) and the recogniser's character
 * list, read from the copy of {@code models/paddleocr} bundled in the jar or from a directory with the same names.
 */
public final class PaddleModels {

    /** The resource folder inside the jar holding models/paddleocr (see pom.xml). */
    public static final String BUNDLED = "/com/bizcharts/models/paddleocr/";
    public static final String DETECTOR = "ch_PP-OCRv4_det_infer.onnx";
    public static final String RECOGNISER = "ch_PP-OCRv4_rec_infer.onnx";
    public static final String ANGLE_CLASSIFIER = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    public static final String CHARACTERS = "ppocr_keys_v1.txt";

    private final byte[] detector, recogniser, angleClassifier;
    private final CharacterList characters;
    private final String location;

    public PaddleModels(byte[] detector, byte[] recogniser, byte[] angleClassifier, CharacterList characters, String location) {
        this.detector = detector;
        this.recogniser = recogniser;
        this.angleClassifier = angleClassifier;
        this.characters = characters;
        this.location = location;
    }

    /** The PP-OCRv4 models shipped in the jar. */
    public static PaddleModels bundled() throws IOException {
        return new PaddleModels(resource(DETECTOR), resource(RECOGNISER), resource(ANGLE_CLASSIFIER),
                CharacterList.read(new ByteArrayInputStream(resource(CHARACTERS))), "jar:" + BUNDLED);
    }

    /** The same four files from a directory. */
    public static PaddleModels directory(Path dir) throws IOException {
        return new PaddleModels(file(dir, DETECTOR), file(dir, RECOGNISER), file(dir, ANGLE_CLASSIFIER),
                CharacterList.read(new ByteArrayInputStream(file(dir, CHARACTERS))), dir.toString());
    }

    byte[] detector() { return detector; }
    byte[] recogniser() { return recogniser; }
    byte[] angleClassifier() { return angleClassifier; }
    CharacterList characters() { return characters; }

    /** For messages: the directory or "jar:" plus the resource folder. */
    public String location() { return location; }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PaddleModels.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) throw new IOException("not in the jar: " + BUNDLED + name + " (models/paddleocr, see its README)");
            return in.readAllBytes();
        }
    }

    private static byte[] file(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) throw new IOException(f + " not found");
        return Files.readAllBytes(f);
    }
}
