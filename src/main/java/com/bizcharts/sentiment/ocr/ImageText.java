package com.bizcharts.sentiment.ocr;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.image.Thumbnail;
import com.bizcharts.sentiment.ocr.paddle.PaddleModels;
import com.bizcharts.sentiment.ocr.paddle.PaddleOcr;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the text in an image with one OCR engine ({@link Engine}: PaddleOCR on ONNX Runtime, the default, or
 * Tesseract). Availability is probed once at construction: missing models, traineddata or native libraries turn OCR
 * off with a reason ({@link #disabledReason()}) and every read returns that reason. Safe to share between threads.
 */
public final class ImageText implements AutoCloseable {

    /** Debian/Ubuntu's tesseract-ocr 5 data folder. */
    public static final Path DEFAULT_DATAPATH = Path.of("/usr/share/tesseract-ocr/5/tessdata");

    /** The engines, by the names {@code [ocr] engine} takes. */
    public enum Engine {
        PADDLE("paddle", "PaddleOCR PP-OCRv4"), TESSERACT("tesseract", "Tesseract");

        private final String key, title;

        Engine(String key, String title) {
            this.key = key;
            this.title = title;
        }

        /** The settings name: "paddle" or "tesseract". */
        public String key() { return key; }

        /** For people: "PaddleOCR PP-OCRv4", "Tesseract". */
        public String title() { return title; }

        public static Engine named(String name) {
            String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(e -> e.key.equals(n)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown OCR engine '" + name + "' ([ocr] engine): choose "
                            + Arrays.stream(values()).map(e -> "\"" + e.key + "\"").collect(Collectors.joining(" or "))));
        }
    }

    /** The outcome for one image: the image status, the text (empty when none) and why, when OCR did not run. */
    public record Reading(ImageStatus status, String text, String reason) {
        public boolean ok() { return status == ImageStatus.USED && reason.isEmpty(); }
    }

    @FunctionalInterface
    private interface Reader {
        String read(BufferedImage image) throws Exception;
    }

    private final Engine engine;
    private final Reader reader;
    private final String disabledReason;
    private final AutoCloseable resources;

    private ImageText(Engine engine, Reader reader, String disabledReason, AutoCloseable resources) {
        this.engine = engine;
        this.reader = reader;
        this.disabledReason = disabledReason;
        this.resources = resources;
    }

    /** Tesseract with this data folder and language. */
    public ImageText(Path datapath, String language) {
        TesseractText t = new TesseractText(datapath, language);
        this.engine = Engine.TESSERACT;
        this.reader = t::read;
        this.disabledReason = t.probe();
        this.resources = () -> {};
    }

    /** Tesseract, English, the default data folder. */
    public static ImageText english() {
        return tesseract(DEFAULT_DATAPATH, "eng");
    }

    public static ImageText tesseract(Path datapath, String language) {
        return new ImageText(datapath, language);
    }

    /** PaddleOCR with the models bundled in the jar, ONNX Runtime using every core for each image. */
    public static ImageText paddle() {
        try {
            return paddle(PaddleModels.bundled(), Runtime.getRuntime().availableProcessors());
        } catch (java.io.IOException e) {
            return disabled(Engine.PADDLE, "OCR disabled: PaddleOCR models missing (" + e.getMessage() + ")");
        }
    }

    public static ImageText paddle(PaddleModels models, int threads) {
        try {
            return paddle(PaddleOcr.open(models, threads));
        } catch (ai.onnxruntime.OrtException | RuntimeException | LinkageError e) {
            return disabled(Engine.PADDLE, "OCR disabled: PaddleOCR models from " + models.location()
                    + " could not be loaded (" + e.getMessage() + ")");
        }
    }

    /** A PaddleOCR pipeline already open; closing the ImageText closes it. */
    public static ImageText paddle(PaddleOcr ocr) {
        return new ImageText(Engine.PADDLE, ocr::read, "", ocr);
    }

    /** The engine {@code [ocr]} names; the data folder and language are Tesseract's. */
    public static ImageText of(String engine, Path datapath, String language) {
        return switch (Engine.named(engine)) {
            case PADDLE -> paddle();
            case TESSERACT -> tesseract(datapath, language);
        };
    }

    private static ImageText disabled(Engine engine, String reason) {
        return new ImageText(engine, image -> "", reason, () -> {});
    }

    public Engine engine() {
        return engine;
    }

    public boolean enabled() {
        return disabledReason.isEmpty();
    }

    /** Empty when OCR works; otherwise what is missing and how to install it. */
    public String disabledReason() {
        return disabledReason;
    }

    /** OCRs a decoded image. */
    public Reading read(BufferedImage image) {
        if (!enabled()) return new Reading(ImageStatus.USED, "", disabledReason);
        try {
            return new Reading(ImageStatus.USED, clean(reader.read(image)), "");
        } catch (Exception | LinkageError e) {
            return new Reading(ImageStatus.USED, "", engine.key() + " failed: " + e.getMessage());
        }
    }

    /** OCRs an image file; missing, unsupported and corrupt files give their status, never an exception. */
    public Reading read(Path file) {
        return readDecoded(Thumbnail.read(file));
    }

    /** OCRs a thumbnail already decoded, or passes on why there is none. */
    public Reading readDecoded(Thumbnail t) {
        return t.used() ? read(t.image()) : new Reading(t.status(), "", t.detail());
    }

    /** Frees the engine's native sessions (PaddleOCR); reads after this fail with a reason. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception ignored) {
            // nothing useful to do when freeing native memory fails
        }
    }

    private static String clean(String raw) {
        return raw == null ? "" : raw.replaceAll("\\s+", " ").strip();
    }
}
