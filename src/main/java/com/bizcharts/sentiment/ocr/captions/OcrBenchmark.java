package com.bizcharts.sentiment.ocr.captions;

import com.bizcharts.sentiment.ocr.ImageText;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Reads a caption set with each engine, as a meme and as a thumbnail, and scores what was read against the true
 * captions ({@link OcrAccuracy}); images per second count the engine's reads alone, one image at a time as
 * {@code bizcharts ocr} reads them, after one warm-up read, and so does the CPU time per image (the whole process's,
 * so the threads of ONNX Runtime and Tesseract's OpenMP count; steadier than the rate on a loaded machine). Each background is also read bare (as a thumbnail, no
 * caption): text found there is text the image had or the engine invented, and reaches the OCR signal all the same.
 */
public final class OcrBenchmark {

    public enum Condition {
        MEME("meme, longer side " + CaptionSet.MEME_SIDE + " px"),
        THUMBNAIL("thumbnail, " + CaptionSet.THUMBNAIL_SIDE + " px JPEG");

        private final String title;

        Condition(String title) { this.title = title; }

        public String title() { return title; }
    }

    /** One engine on one condition. */
    public record Row(String engine, Condition condition, int images, double characterErrorRate, double wordAccuracy,
                      double exactShare, double imagesPerSecond, double cpuMillisPerImage) {}

    /** One engine on the uncaptioned thumbnails: how many had any text read, and its mean length. */
    public record Bare(String engine, int images, int withText, double meanCharacters) {}

    /** One reading, for examples. */
    public record Reading(String engine, Condition condition, String truth, String read, int edits) {}

    public record Result(List<Row> rows, List<Bare> bare, List<Reading> readings) {}

    private OcrBenchmark() {}

    /** Runs every engine (in the order given, named by their titles) over the captions; {@code progress} gets a count. */
    public static Result run(List<CaptionSet.Caption> captions, Map<String, ImageText> engines, Font face, IntConsumer progress) {
        if (captions.isEmpty()) throw new IllegalArgumentException("no captions to read");
        Map<String, OcrAccuracy[]> accuracy = new LinkedHashMap<>();
        Map<String, long[]> nanos = new LinkedHashMap<>(), cpu = new LinkedHashMap<>();
        CaptionSet.Rendered first = CaptionSet.render(captions.getFirst(), face);
        for (var e : engines.entrySet()) {
            accuracy.put(e.getKey(), new OcrAccuracy[]{new OcrAccuracy(), new OcrAccuracy()});
            nanos.put(e.getKey(), new long[2]);
            cpu.put(e.getKey(), new long[2]);
            e.getValue().read(first.meme()); // warm-up: sessions, JIT, Tesseract's per-thread handle
            e.getValue().read(first.thumbnail());
        }
        List<Reading> readings = new ArrayList<>();
        int done = 0;
        for (CaptionSet.Caption c : captions) {
            CaptionSet.Rendered r = CaptionSet.render(c, face);
            for (var e : engines.entrySet()) {
                for (Condition k : Condition.values()) {
                    BufferedImage image = k == Condition.MEME ? r.meme() : r.thumbnail();
                    long c0 = processCpuNanos(), t0 = System.nanoTime();
                    ImageText.Reading read = e.getValue().read(image);
                    nanos.get(e.getKey())[k.ordinal()] += System.nanoTime() - t0;
                    cpu.get(e.getKey())[k.ordinal()] += processCpuNanos() - c0;
                    if (!read.reason().isEmpty()) throw new IllegalStateException(e.getKey() + ": " + read.reason());
                    accuracy.get(e.getKey())[k.ordinal()].add(c.truth(), read.text());
                    readings.add(new Reading(e.getKey(), k, c.truth(), read.text(),
                            OcrAccuracy.editDistance(OcrAccuracy.normalise(c.truth()), OcrAccuracy.normalise(read.text()))));
                }
            }
            progress.accept(++done);
        }
        List<Row> rows = new ArrayList<>();
        for (Condition k : Condition.values()) {
            for (String engine : engines.keySet()) {
                OcrAccuracy a = accuracy.get(engine)[k.ordinal()];
                double seconds = nanos.get(engine)[k.ordinal()] / 1e9;
                rows.add(new Row(engine, k, a.images(), a.characterErrorRate(), a.wordAccuracy(), a.exactShare(),
                        seconds == 0 ? 0 : a.images() / seconds, cpu.get(engine)[k.ordinal()] / 1e6 / a.images()));
            }
        }
        return new Result(rows, bare(captions, engines), readings);
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static List<Bare> bare(List<CaptionSet.Caption> captions, Map<String, ImageText> engines) {
        Set<CaptionSet.Background> backgrounds = new LinkedHashSet<>();
        for (CaptionSet.Caption c : captions) backgrounds.add(c.image());
        List<BufferedImage> thumbs = new ArrayList<>();
        for (CaptionSet.Background b : backgrounds) {
            BufferedImage flat = MemeCaption.render(CaptionSet.scaled(b.image(), CaptionSet.MEME_SIDE), "", "", null);
            thumbs.add(CaptionSet.jpeg(CaptionSet.scaled(flat, CaptionSet.THUMBNAIL_SIDE), CaptionSet.THUMBNAIL_QUALITY));
        }
        List<Bare> out = new ArrayList<>();
        for (var e : engines.entrySet()) {
            int withText = 0;
            long chars = 0;
            for (BufferedImage t : thumbs) {
                String text = e.getValue().read(t).text();
                if (!text.isBlank()) withText++;
                chars += text.length();
            }
            out.add(new Bare(e.getKey(), thumbs.size(), withText, (double) chars / thumbs.size()));
        }
        return out;
    }
}
