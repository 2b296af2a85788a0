package com.bizcharts.cli;

import com.bizcharts.sentiment.ocr.ImageText;
import com.bizcharts.sentiment.ocr.captions.CaptionFont;
import com.bizcharts.sentiment.ocr.captions.CaptionSet;
import com.bizcharts.sentiment.ocr.captions.OcrBenchmark;
import com.bizcharts.sentiment.ocr.paddle.PaddleModels;
import com.bizcharts.sentiment.ocr.paddle.PaddleOcr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench ocr}: both OCR engines on a caption set (real images from {@code --memes}, or generated backgrounds),
 * captions rendered with a fixed seed in an Impact-style face; prints character error rate, word accuracy, exact
 * reads and images per second for each engine, as memes and as thumbnails, and what each reads on the bare images.
 */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = "OCR engines on rendered meme captions: character error rate, word accuracy, images/s.")
public final class BenchOcrCommand implements Runnable {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--memes", paramLabel = "DIR", description = "folder of real images to caption (png, jpg, gif; subfolders too)")
    Path memes;

    @Option(names = "--generated", paramLabel = "N", description = "caption N generated backgrounds instead (default 0)")
    int generated;

    @Option(names = "--per-image", paramLabel = "N", description = "captions per image (default ${DEFAULT-VALUE})")
    int perImage = 2;

    @Option(names = "--seed", description = "seed of the captions (and of generated backgrounds; default ${DEFAULT-VALUE})")
    long seed = 16;

    @Option(names = "--engines", split = ",", paramLabel = "NAME", description = "paddle, tesseract (default: both)")
    List<String> engines = List.of("paddle", "tesseract");

    @Option(names = "--space-threshold", paramLabel = "P",
            description = "PaddleOCR: a blank step reads as a space from this space probability (default ${DEFAULT-VALUE}; 'Infinity': argmax only)")
    double spaceThreshold = PaddleOcr.SPACE_THRESHOLD;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads per image for PaddleOCR (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--examples", paramLabel = "N", description = "print the N worst thumbnail readings of each engine (default ${DEFAULT-VALUE})")
    int examples = 3;

    @Override
    public void run() {
        if ((memes == null) == (generated <= 0)) throw new IllegalArgumentException("give --memes DIR or --generated N");
        if (perImage < 1) throw new IllegalArgumentException("--per-image must be at least 1");
        if (memes != null && !Files.isDirectory(memes)) throw new IllegalArgumentException("not a folder: " + memes);
        List<CaptionSet.Background> images = memes != null ? CaptionSet.images(memes) : CaptionSet.generated(generated, seed);
        if (images.isEmpty()) throw new IllegalArgumentException("no images in " + memes);
        List<CaptionSet.Caption> captions = CaptionSet.draw(images, perImage, seed);
        PrintWriter w = spec.commandLine().getOut();
        Map<String, ImageText> readers = open();
        try {
            w.printf(Locale.ROOT, "%d images (%s) x %d captions, seed %d, font Anton; %d cores, load average %.1f%n",
                    images.size(), memes != null ? memes : "generated", perImage, seed,
                    Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            OcrBenchmark.Result r = OcrBenchmark.run(captions, readers, CaptionFont.anton(), n -> {
                if (n % 20 == 0) spec.commandLine().getErr().printf("%d/%d%n", n, captions.size());
            });
            print(w, r);
        } finally {
            readers.values().forEach(ImageText::close);
        }
        w.flush();
    }

    private Map<String, ImageText> open() {
        Map<String, ImageText> out = new LinkedHashMap<>();
        for (String name : engines) {
            ImageText.Engine e = ImageText.Engine.named(name);
            ImageText reader = switch (e) {
                case PADDLE -> {
                    try {
                        yield ImageText.paddle(PaddleOcr.open(PaddleModels.bundled(), threads, spaceThreshold));
                    } catch (IOException | ai.onnxruntime.OrtException ex) {
                        throw new IllegalStateException("PaddleOCR unavailable: " + ex.getMessage(), ex);
                    }
                }
                case TESSERACT -> ImageText.tesseract(bench.root.settings().ocr().datapathPath(), bench.root.settings().ocr().language());
            };
            if (!reader.enabled()) throw new IllegalStateException(e.title() + " unavailable: " + reader.disabledReason());
            out.put(e.title(), reader);
        }
        return out;
    }

    private void print(PrintWriter w, OcrBenchmark.Result r) {
        w.println();
        w.println("| engine | images | character error rate | word accuracy | exact | images/s | CPU ms/image |");
        w.println("|---|---|---|---|---|---|---|");
        OcrBenchmark.Condition last = null;
        for (OcrBenchmark.Row row : r.rows()) {
            if (row.condition() != last) {
                w.printf("| *%s* | | | | | | |%n", row.condition().title());
                last = row.condition();
            }
            w.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.1f | %.0f |%n", row.engine(), row.images(),
                    row.characterErrorRate(), row.wordAccuracy(), row.exactShare(), row.imagesPerSecond(), row.cpuMillisPerImage());
        }
        w.println();
        for (OcrBenchmark.Bare b : r.bare()) {
            w.printf(Locale.ROOT, "%s on the %d images without captions (thumbnails): text read on %d, %.1f characters on average%n",
                    b.engine(), b.images(), b.withText(), b.meanCharacters());
        }
        if (examples > 0) {
            for (String engine : r.bare().stream().map(OcrBenchmark.Bare::engine).toList()) {
                w.printf("%nworst thumbnail readings, %s:%n", engine);
                r.readings().stream().filter(x -> x.engine().equals(engine) && x.condition() == OcrBenchmark.Condition.THUMBNAIL)
                        .sorted(Comparator.comparingInt(OcrBenchmark.Reading::edits).reversed()).limit(examples)
                        .forEach(x -> w.printf("  true '%s'%n  read '%s'%n", x.truth(), x.read()));
            }
        }
    }
}
