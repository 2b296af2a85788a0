package com.bizcharts.cli;

import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.fusion.SignalSource;
import com.bizcharts.sentiment.image.ImageHashIndex;
import com.bizcharts.sentiment.image.PerceptualHash;
import com.bizcharts.sentiment.fusion.RepostSignal;
import com.bizcharts.sentiment.ocr.ImageText;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.scoring.ModelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench score}: posts per second of the scoring model (with the ONNX signals named in settings), text only and
 * with thumbnails (colour features, perceptual hash against a repost index of the thumbnails), in batches on all
 * cores; then OCR's own rate over the same thumbnails. Posts come from {@code --data} or are generated; thumbnails are
 * generated 250x250 JPEGs with a caption, in a temp folder.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Posts scored per second, text only and with thumbnails; OCR images per second.")
public final class BenchScoreCommand implements Runnable {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "model directory (default: the active model)")
    Path model;

    @Option(names = "--data", paramLabel = "FILE.jsonl", description = "posts to score (default: generated posts)")
    Path data;

    @Option(names = "--posts", paramLabel = "N", description = "posts per measurement (default ${DEFAULT-VALUE})")
    int posts = DEFAULT_POSTS;

    private static final int DEFAULT_POSTS = 20_000;
    /** The scorer's default batch ({@code score --batch}). */
    private static final int BATCH = 256;

    @Option(names = "--threads", paramLabel = "N", description = "threads (default: available processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public void run() {
        BizchartsCommand root = bench.root;
        ModelLoader loader = new ModelLoader(root.settings().paths().activeModelPath(), root.signals());
        EmbeddedModel m = loader.withSignals(model != null ? loader.load(model.toAbsolutePath().toString()) : loader.defaultModel());
        List<PostInput> texts = texts();
        PrintWriter w = spec.commandLine().getOut();
        // The sentence encoder costs ~5 ms a post: fewer posts give the same precision in a sensible time.
        boolean encoder = m.encoderName() != null;
        int n0 = encoder && posts == DEFAULT_POSTS ? 2_000 : posts;
        w.printf(Locale.ROOT, "model %s (%s), %d threads, batches of %d, %d posts per run%n", m.id(),
                encoder ? "n-grams + sentence encoder " + m.encoderName() : "n-grams, no sentence encoder", threads, BATCH, n0);
        measure(m, texts, encoder ? 256 : 2_000); // warm-up: JIT and class loading
        double textRate = measure(m, texts, n0);
        w.printf(Locale.ROOT, "text only:        %,10.0f posts/s%n", textRate);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("bizcharts-bench");
            List<Path> files = thumbnails(dir, 64);
            List<PostInput> withImages = withThumbnails(texts, files);
            EmbeddedModel mi = m.withSignals(withRepost(m.signals(), files));
            measure(mi, withImages, 200);
            int n = Math.max(200, n0 / 10);
            double imageRate = measure(mi, withImages, n);
            List<Prediction> sample = mi.predictAll(withImages.subList(0, 64));
            long used = sample.stream().filter(p -> p.imageStatus() == ImageStatus.USED).count();
            long reposts = sample.stream().filter(p -> p.drivers().stream().anyMatch(d -> d.startsWith("repost:"))).count();
            w.printf(Locale.ROOT, "with thumbnails:  %,10.0f posts/s (%d of 64 thumbnails used, %d with a repost reading)%n",
                    imageRate, used, reposts);
            var o = root.settings().ocr();
            ImageText ocr = ImageText.of(o.engine(), o.datapathPath(), o.language());
            if (ocr.enabled()) {
                w.printf(Locale.ROOT, "ocr (%s):  %,10.1f images/s%n", ocr.engine().title(), ocrRate(ocr, files));
            } else {
                w.printf(Locale.ROOT, "ocr:              not measured: %s%n", ocr.disabledReason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
        w.flush();
    }

    /** A repost index over the bench's own thumbnails with made-up labels: the hash and lookup cost of scoring. */
    private static List<SignalSource> withRepost(List<SignalSource> further, List<Path> files) {
        ImageHashIndex index = new ImageHashIndex();
        for (int i = 0; i < files.size(); i++) {
            index.add("bench-" + i, SentimentLabel.ofIndex(i % 3).word(), PerceptualHash.read(files.get(i)).hash());
        }
        List<SignalSource> out = new ArrayList<>(further);
        out.add(new RepostSignal(() -> index, RepostSignal.DEFAULT_MAX_DISTANCE, RepostSignal.DEFAULT_NEIGHBOURS));
        return out;
    }

    private double ocrRate(ImageText ocr, List<Path> files) {
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            for (Future<?> f : ex.invokeAll(List.of(() -> ocr.read(files.get(0))))) f.get(); // warm-up
            long t0 = System.nanoTime();
            List<java.util.concurrent.Callable<Object>> jobs = new ArrayList<>();
            for (Path f : files) jobs.add(() -> ocr.read(f));
            for (Future<?> f : ex.invokeAll(jobs)) f.get();
            return files.size() / ((System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("OCR benchmark failed: " + e.getMessage(), e);
        } finally {
            ex.shutdownNow();
        }
    }

    /** Posts per second, each thread predicting batches of {@link #BATCH} as the scorer does. */
    private double measure(SentimentModel m, List<PostInput> pool, int n) {
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<Double>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * n / threads, to = (t + 1) * n / threads;
                parts.add(ex.submit(() -> {
                    double sink = 0;
                    for (int i = from; i < to; i += BATCH) {
                        List<PostInput> batch = new ArrayList<>(BATCH);
                        for (int k = i; k < Math.min(to, i + BATCH); k++) batch.add(pool.get(k % pool.size()));
                        for (var p : m.predictAll(batch)) sink += p.score();
                    }
                    return sink;
                }));
            }
            for (Future<Double> f : parts) f.get();
            return n / ((System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
        } finally {
            ex.shutdownNow();
        }
    }

    private List<PostInput> texts() {
        if (data != null) return TrainingSet.fromFile(data).posts().stream().map(LabeledPost::post).toList();
        String[] words = {"btc", "eth", "link", "moon", "wagmi", "ngmi", "it's", "over", "so", "back", "sell", "buy",
                "the", "dip", "pump", "dump", "rekt", "anon", "when", "lambo", "chart", "green", "red", "candle",
                "why", "is", "this", "happening", "bought", "sold", "top", "bottom", "fed", "rates", "gold", "silver"};
        Random r = new Random(1);
        List<PostInput> out = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 5 + r.nextInt(60);
            for (int j = 0; j < len; j++) sb.append(j > 0 ? (r.nextInt(12) == 0 ? "\n>" : " ") : "").append(words[r.nextInt(words.length)]);
            out.add(new PostInput(i, r.nextInt(3) == 0 ? "" : words[r.nextInt(words.length)], sb.toString(), null, 0, null));
        }
        return out;
    }

    /** Coloured blocks under a meme-style caption, so OCR has text to read. */
    private static List<Path> thumbnails(Path dir, int count) throws IOException {
        String[] captions = {"IT'S OVER", "WE'RE SO BACK", "BTC 100K", "SELL NOW", "HFSP", "NGMI"};
        Random r = new Random(2);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(250, 250, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            for (int k = 0; k < 12; k++) {
                g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
                g.fillRect(r.nextInt(250), r.nextInt(250), 20 + r.nextInt(120), 20 + r.nextInt(120));
            }
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 250, 44);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
            g.drawString(captions[i % captions.length], 8, 33);
            g.dispose();
            Path f = dir.resolve("t" + i + ".jpg");
            ImageIO.write(img, "jpg", f.toFile());
            files.add(f);
        }
        return files;
    }

    private static List<PostInput> withThumbnails(List<PostInput> texts, List<Path> files) {
        List<PostInput> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            PostInput p = texts.get(i);
            out.add(new PostInput(p.threadId(), p.subject(), p.text(), files.get(i % files.size()), p.replyCount(), p.postedAt()));
        }
        return out;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
