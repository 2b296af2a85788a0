package com.bizcharts.sentiment.ocr;

import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.TesseractException;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tesseract through tess4j. A Tesseract handle is not thread-safe and costs ~70 ms to create, so each thread keeps its
 * own. {@link #probe()} says what is missing (traineddata, native library) or nothing when it works.
 */
final class TesseractText {

    private final Path datapath;
    private final String language;
    private final ThreadLocal<Tesseract> perThread;

    TesseractText(Path datapath, String language) {
        this.datapath = datapath;
        this.language = language;
        this.perThread = ThreadLocal.withInitial(this::create);
    }

    String read(BufferedImage image) throws TesseractException {
        return perThread.get().doOCR(image);
    }

    String probe() {
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

    private Tesseract create() {
        Tesseract t = new Tesseract();
        t.setDatapath(datapath.toString());
        t.setLanguage(language);
        // Sparse text: memes and screenshots have scattered captions rather than a page layout.
        t.setPageSegMode(11);
        t.setVariable("debug_file", "/dev/null");
        return t;
    }
}
