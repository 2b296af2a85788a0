package com.bizcharts.cli;

import com.bizcharts.learn.eval.ImageHeadEvaluation;
import com.bizcharts.learn.eval.ImageHeadEvaluation.Accuracy;
import com.bizcharts.learn.eval.ImageHeadEvaluation.Example;
import com.bizcharts.sentiment.embedded.ThumbnailFeatures;
import com.bizcharts.sentiment.image.MobileNetFeatures;
import com.bizcharts.sentiment.image.Thumbnail;
import com.bizcharts.sentiment.ocr.captions.CaptionSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code bench image}: MobileNetV2 (nsfwjs, ONNX) images per second at each thread count; with {@code --memes} and its
 * labels.csv, leave-one-out accuracy of a logistic head on colour features, MobileNet features and both.
 */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "MobileNetV2 image features: images/s, and a leave-one-out logistic head on a labelled meme set.")
public final class BenchImageCommand implements Runnable {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--memes", paramLabel = "DIR", description = "folder of real images with labels.csv (file,meme_type,mood,label,...)")
    Path memes;

    @Option(names = "--generated", paramLabel = "N", description = "time N generated images instead (default ${DEFAULT-VALUE})")
    int generated = 20;

    @Option(names = "--threads", split = ",", paramLabel = "N", description = "ONNX Runtime threads to time (default 1,2)")
    List<Integer> threads = List.of(1, 2);

    @Option(names = "--c", description = "inverse regularisation of the logistic head (default ${DEFAULT-VALUE})")
    double c = 1.0;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        List<Path> files = memes != null ? labelledFiles() : List.of();
        List<BufferedImage> images = new ArrayList<>();
        if (memes != null) for (Path f : files) images.add(decode(f));
        else for (int i = 0; i < generated; i++) images.add(CaptionSet.Background.generated(i).image());
        if (images.isEmpty()) throw new IllegalArgumentException("no images");
        w.printf(Locale.ROOT, "%d images (%s); %d cores, load average %.1f%n", images.size(), memes != null ? memes : "generated",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        w.println("| ONNX Runtime threads | images/s | ms/image |");
        w.println("|---|---|---|");
        Map<Path, MobileNetFeatures.Reading> readings = new LinkedHashMap<>();
        for (int t : threads) {
            try (MobileNetFeatures model = MobileNetFeatures.bundled(t)) {
                model.read(images.getFirst()); // warm-up: the first run plans the graph
                long start = System.nanoTime();
                for (int i = 0; i < images.size(); i++) {
                    MobileNetFeatures.Reading r = model.read(images.get(i));
                    if (memes != null) readings.put(files.get(i), r);
                }
                double s = (System.nanoTime() - start) / 1e9;
                w.printf(Locale.ROOT, "| %d | %.1f | %.1f |%n", t, images.size() / s, 1000 * s / images.size());
            } catch (IOException | ai.onnxruntime.OrtException e) {
                throw new IllegalStateException("MobileNetV2 unavailable: " + e.getMessage(), e);
            }
        }
        if (memes != null) heads(w, readings);
        w.flush();
    }

    private void heads(PrintWriter w, Map<Path, MobileNetFeatures.Reading> readings) {
        List<String[]> rows = rows();
        Map<String, Function<String[], Integer>> tasks = new LinkedHashMap<>();
        tasks.put("sentiment (label: bearish, neutral, bullish)", r -> r[3].isBlank() ? null : List.of("bearish", "neutral", "bullish").indexOf(r[3].strip()));
        tasks.put("meme type of meme-types/ (doge, pepe, wojak)", r -> r[0].startsWith("meme-types/") ? List.of("doge", "pepe", "wojak").indexOf(r[1].strip()) : null);
        w.println();
        w.printf(Locale.ROOT, "Leave-one-out logistic head (LIBLINEAR L2, C=%.2f, balanced, standardised per split); 95%% Wilson intervals. "
                + "n is tiny: one image is 3-5 points.%n", c);
        w.println("| task | features | correct / n | accuracy | 95% interval | majority-class share |");
        w.println("|---|---|---|---|---|---|");
        for (var task : tasks.entrySet()) {
            List<String[]> chosen = rows.stream().filter(r -> task.getValue().apply(r) != null && task.getValue().apply(r) >= 0).toList();
            int[] counts = new int[3];
            chosen.forEach(r -> counts[task.getValue().apply(r)]++);
            int majority = Math.max(counts[0], Math.max(counts[1], counts[2]));
            Map<String, Function<Path, double[]>> sets = new LinkedHashMap<>();
            sets.put("colour (6)", f -> ThumbnailFeatures.read(f).features());
            sets.put("MobileNet (1280)", f -> floats(readings.get(f).features()));
            sets.put("both (1286)", f -> ImageHeadEvaluation.concat(ThumbnailFeatures.read(f).features(), floats(readings.get(f).features())));
            for (var set : sets.entrySet()) {
                List<Example> examples = chosen.stream().map(r -> new Example(r[0],
                        set.getValue().apply(memes.resolve(r[0])), task.getValue().apply(r))).toList();
                Accuracy a = ImageHeadEvaluation.leaveOneOut(examples, c);
                w.printf(Locale.ROOT, "| %s | %s | %d / %d | %.2f | %.2f-%.2f | %.2f |%n", task.getKey(), set.getKey(),
                        a.correct(), a.n(), a.value(), a.low(), a.high(), (double) majority / chosen.size());
            }
        }
    }

    private List<Path> labelledFiles() {
        return rows().stream().map(r -> memes.resolve(r[0])).toList();
    }

    private List<String[]> rows() {
        Path csv = memes.resolve("labels.csv");
        if (!Files.isRegularFile(csv)) throw new IllegalArgumentException("no labels.csv in " + memes);
        try {
            // The file has no quoted fields; the source column may hold commas, so split into at most 5.
            return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 5))
                    .filter(r -> Files.isRegularFile(memes.resolve(r[0]))).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("reading " + csv + ": " + e.getMessage(), e);
        }
    }

    private static BufferedImage decode(Path f) {
        Thumbnail t = Thumbnail.read(f);
        if (!t.used()) throw new IllegalArgumentException(f + ": " + t.detail());
        return t.image();
    }

    private static double[] floats(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }
}
