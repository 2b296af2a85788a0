package com.bizcharts.cli;

import com.bizcharts.sentiment.ocr.ImageTextPass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts ocr}: reads the text in thumbnails not read yet; coins found count with source image_ocr. */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = "OCR thumbnails ([ocr] engine: PaddleOCR or Tesseract) into image_texts and coin mentions with source image_ocr; prints OCR's rate.")
final class OcrCommand implements Callable<Integer> {

    @ParentCommand BizchartsCommand root;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--limit", defaultValue = "500") int limit;

    @Override
    public Integer call() {
        if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1");
        var engine = root.engine();
        ImageTextPass.Result r = engine.scoring().imageTextPass().run(limit);
        if (!r.disabledReason().isEmpty()) throw new IllegalStateException("OCR is unavailable: " + r.disabledReason());
        spec.commandLine().getOut().printf(Locale.ROOT, "read %d thumbnails (%d with text), %d coin mentions, %.1f images/s (%s)%n",
                r.read(), r.withText(), r.coinMentions(), r.perSecond(), engine.scoring().imageText().engine().title());
        return 0;
    }
}
