package com.bizcharts.sentiment.ocr;

import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.image.Thumbnail;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.TesseractException;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the text in an image with Tesseract. A Tesseract handle is not thread-safe and costs ~70 ms to create,
 * so each thread keeps its own. Availability is probed once at construction: a missing traineddata file or
 * native library turns OCR off with a reason ({@link #disabledReason()}) and every read returns that reason.
 */
public final class ImageText {

    /** Debian/Ubuntu's tesseract-ocr 5 data folder. */
    public static final Path DEFAULT_DATAPATH = Path.of("/usr/share/tesseract-ocr/5/tessdata");

    /** The outcome for one image: the image status, the text (empty when none) and why, when OCR did not run. */
    public record Reading(ImageStatus status, String text, String reason) {
        public boolean ok() { return status == ImageStatus.USED && reason.isEmpty(); }
    }

    private final Path datapath;
    private final String language;
    private final String disabledReason;
    private final ThreadLocal<Tesseract> perThread;

    public ImageText(Path datapath, String language) {
        this.datapath = datapath;
        this.language = language;
        this.perThread = ThreadLocal.withInitial(this::create);
        this.disabledReason = probe();
    }

    /** English with the default data folder. */
    public static ImageText english() {
        return new ImageText(DEFAULT_DATAPATH, "eng");
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
            return new Reading(ImageStatus.USED, clean(perThread.get().doOCR(image)), "");
        } catch (TesseractException | RuntimeException | LinkageError e) {
            return new Reading(ImageStatus.USED, "", "tesseract failed: " + e.getMessage());
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

    private Tesseract create() {
        Tesseract t = new Tesseract();
        t.setDatapath(datapath.toString());
        t.setLanguage(language);
        // Sparse text: memes and screenshots have scattered captions rather than a page layout.
        t.setPageSegMode(11);
        t.setVariable("debug_file", "/dev/null");
        return t;
    }

    private String probe() {
        Path data = datapath.resolve(language + ".traineddata");
        if (!Files.isRegularFile(data)) {
            return "OCR disabled: " + data + " not found (apt-get install tesseract-ocr tesseract-ocr-"
                    + language + ", or set [ocr] datapath)";
        }
        try {
            perThread.get().doOCR(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY));
            return "";
        } catch (LinkageError e) {
            return "OCR disabled: native tesseract library not loadable (" + e.getMessage()
                    + "); apt-get install tesseract-ocr";
        } catch (TesseractException | RuntimeException e) {
            return "OCR disabled: tesseract failed to start (" + e.getMessage() + ")";
        }
    }

    private static String clean(String raw) {
        return raw == null ? "" : raw.replaceAll("\\s+", " ").strip();
    }
}
