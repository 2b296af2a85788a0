package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.learn.train.TrainingListener;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.Label;
import com.bizcharts.store.ThreadOp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench pipeline}: the live pipeline's figures, as a person keeping the workstation open would feel them.
 * Latency from the poll that stores a new thread to its prediction being stored (a loopback catalog gains one thread
 * per poll); how long an activation takes to reach the engine's active model, in process and from a second process;
 * and a rescore of a large generated store: posts per second, peak heap, and the label view's next-post work
 * (read the post, its coins, the model's guess) while it runs.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Time the live pipeline: poll-to-prediction latency, model activation, and a rescore at scale.")
final class BenchPipelineCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--polls", defaultValue = "20", description = "polls measured for the latency (default ${DEFAULT-VALUE})")
    int polls;

    @Option(names = "--posts", defaultValue = "1000000", description = "posts in the generated store for the rescore (default ${DEFAULT-VALUE})")
    int posts;

    @Option(names = "--rescore-seconds", defaultValue = "60", description = "how long the rescore is measured (default ${DEFAULT-VALUE})")
    int rescoreSeconds;

    @Option(names = "--work", defaultValue = "target/bench-pipeline", description = "scratch folder; the generated store is kept and reused")
    Path work;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(work);
        out.printf(Locale.ROOT, "machine: %d cores, load %.2f, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20);
        latencyAndActivation(out);
        rescoreAtScale(out);
        return 0;
    }

    // ---------------------------------------------------------------- latency and activation

    private void latencyAndActivation(PrintWriter out) throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/biz/catalog.json", ex -> {
            byte[] body = catalog(served.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        Path dir = Files.createDirectories(work.resolve("live"));
        Files.deleteIfExists(dir.resolve("live.db"));
        Path config = settings(dir, "http://127.0.0.1:" + server.getAddress().getPort());
        try (Engine engine = new Engine(Settings.load(config, true))) {
            seedLabels(engine);
            engine.startServices();
            engine.scoring().service().awaitIdle(Duration.ofMinutes(1));
            Map<Long, Long> storedAt = new ConcurrentHashMap<>();
            List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch enough = new CountDownLatch(polls);
            java.util.Set<Long> seen = ConcurrentHashMap.newKeySet();
            engine.collecting().postChanges().subscribe(ids -> {
                long now = System.nanoTime();
                // a poll re-stores the threads it saw before; the figure is for the one it adds
                for (Long id : ids) if (id >= FIRST_LIVE && seen.add(id)) storedAt.put(id, now);
            });
            engine.scoring().service().onScored(s -> {
                long now = System.nanoTime();
                for (Long id : s.threadIds()) {
                    Long at = storedAt.remove(id);
                    if (at != null) {
                        latencies.add((now - at) / 1e6);
                        enough.countDown();
                    }
                }
            });
            engine.collecting().liveScraper().start();
            boolean done = enough.await(polls * 3L + 30, TimeUnit.SECONDS);
            engine.collecting().liveScraper().stop(Duration.ofSeconds(10));
            out.printf(Locale.ROOT, "latency, a new thread stored by a poll -> its prediction stored: %s over %d polls%s%n",
                    percentiles(latencies), latencies.size(), done ? "" : " (timed out before " + polls + ")");

            String shipped = engine.scoring().activeModel().id();
            String other = engine.training().modelTrainer().train(0, 7, TrainingListener.NONE).model().id();
            AtomicLong switchedAt = new AtomicLong();
            engine.scoring().activeModel().subscribe(m -> switchedAt.compareAndSet(0, System.nanoTime()));
            long t0 = System.nanoTime();
            engine.scoring().activeModel().activate(other);
            out.printf(Locale.ROOT, "activation in process: %.1f ms until the active model changed (model loaded)%n",
                    (switchedAt.get() - t0) / 1e6);

            String shippedRegistry = engine.scoring().models().list().stream().filter(m -> shipped.startsWith(m.id())).findFirst().orElseThrow().id();
            switchedAt.set(0);
            // when the other process's activation is in the database: a tight poll of the registry beside the engine's
            AtomicLong committedAt = new AtomicLong();
            Thread watcher = Thread.ofPlatform().daemon(true).start(() -> {
                while (committedAt.get() == 0 && !Thread.currentThread().isInterrupted()) {
                    if (engine.scoring().models().active().map(m -> m.id().equals(shippedRegistry)).orElse(false)) committedAt.set(System.nanoTime());
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            activateInChild(config, shippedRegistry, dir.resolve("child.log"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (switchedAt.get() == 0 && System.nanoTime() < deadline) Thread.sleep(2);
            watcher.interrupt();
            out.printf(Locale.ROOT, "activation from another process: %s from its commit to the engine's switch (checks every %d ms)%n",
                    switchedAt.get() == 0 || committedAt.get() == 0 ? "not seen in 30 s"
                            : String.format(Locale.ROOT, "%.0f ms", Math.max(0, switchedAt.get() - committedAt.get()) / 1e6),
                    engine.settings().scoring().checkInterval().toMillis());
        } finally {
            server.stop(0);
        }
    }

    private static final long FIRST_LIVE = 80_000_000L;

    /** A catalog of {@code n} threads posted over the last minutes: one more on every poll. */
    private static String catalog(int n) {
        ArrayNode threads = JSON.createArrayNode();
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < n; i++) {
            ObjectNode t = threads.addObject();
            t.put("no", FIRST_LIVE + i).put("time", now - 30L * (n - i)).put("name", "Anonymous").put("sub", "thread " + i)
                    .put("com", WORDS[i % 3][i % 7] + " " + WORDS[i % 3][(i + 3) % 7] + " " + i).put("replies", i % 40).put("images", 0);
        }
        ArrayNode pages = JSON.createArrayNode();
        pages.addObject().put("page", 1).set("threads", threads);
        return pages.toString();
    }

    private static final String[][] WORDS = {
            {"dump", "rekt", "crash", "over", "bleeding", "sell", "dead"},
            {"question", "what", "anyone", "thoughts", "where", "how", "general"},
            {"moon", "pump", "wagmi", "green", "send", "lambo", "rally"}};

    /** Labels for a second model to train on (in 2024, so they stay out of the live figures). */
    private static void seedLabels(Engine engine) {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        List<ThreadOp> ops = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String[] w = WORDS[i % 3];
            ops.add(new ThreadOp(1000 + i, "biz", null, null, w[i % 7] + " " + w[(i + 2) % 7] + " " + w[(i + 4) % 7], "Anonymous",
                    null, t0.plusSeconds(i), 1, 1, null, null, false, false, ThreadOp.Source.LIVE));
        }
        engine.collecting().threads().upsert(ops, t0);
        for (int i = 0; i < 90; i++) engine.labelling().labels().save(Label.rated(1000 + i, i % 3 + 1, "default", t0.plusSeconds(i), null, null));
    }

    private static Path settings(Path dir, String fourchan) throws Exception {
        Path config = dir.resolve("settings.toml");
        Files.writeString(config, """
                [paths]
                database = "%s"
                images = "%s"
                models = "%s"
                [fourchan]
                api_base = "%s"
                images_base = "%s"
                poll_interval_seconds = 1
                download_thumbnails = false
                """.formatted(slash(dir.resolve("live.db")), slash(dir.resolve("images")), slash(dir.resolve("models")), fourchan, fourchan));
        return config;
    }

    /** `models activate ID` in a second JVM on the same database; returns when it exited (System.nanoTime). */
    private static long activateInChild(Path config, String id, Path log) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "com.bizcharts.Main",
                "--config", config.toString(), "models", "activate", id).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("the second process failed: " + Files.readString(log));
        return System.nanoTime();
    }

    // ---------------------------------------------------------------- rescore at scale

    private void rescoreAtScale(PrintWriter out) throws Exception {
        Path dir = Files.createDirectories(work.resolve("scale"));
        Path config = settings(dir, "http://127.0.0.1:9");
        try (Engine engine = new Engine(Settings.load(config, true))) {
            int have = engine.collecting().threads().count();
            if (have < posts) {
                long t0 = System.nanoTime();
                generate(engine, have, posts);
                out.printf(Locale.ROOT, "generated %,d posts in %.0f s%n", posts - have, (System.nanoTime() - t0) / 1e9);
            }
            String model = engine.scoring().activeModel().id();
            // a fresh id for this run: every post is waiting, as after activating another model
            engine.scoring().predictions().forget(model);
            HeapPeak heap = new HeapPeak();
            heap.start();
            engine.scoring().service().start();
            List<Double> nextPost = new ArrayList<>();
            double[] parts = new double[3];
            Random r = new Random(3);
            long end = System.nanoTime() + Duration.ofSeconds(rescoreSeconds).toNanos();
            long started = System.nanoTime();
            while (System.nanoTime() < end) {
                long id = 1 + r.nextInt(posts);
                long t = System.nanoTime();
                labelViewNextPost(engine, id, parts);
                nextPost.add((System.nanoTime() - t) / 1e6);
                Thread.sleep(50); // a fast labeler: 20 posts a second
            }
            var s = engine.scoring().service().status();
            double secs = (System.nanoTime() - started) / 1e9;
            int done = s.rescore() != null ? s.rescore().done() : engine.scoring().predictions().count(model);
            engine.scoring().service().cancelPass();
            heap.interrupt();
            out.printf(Locale.ROOT, "rescore of %,d posts with %s: %,d scored in %.0f s = %,.0f posts/s (%d scoring threads); peak heap %d MB%n",
                    posts, model, done, secs, done / secs, engine.settings().scoring().threadsOrDefault(), heap.peak >> 20);
            out.printf(Locale.ROOT, "label view next post during the rescore (read post, coins, model guess): %s over %d posts"
                    + " (mean: post %.1f ms, coins %.1f ms, guess %.1f ms)%n", percentiles(nextPost), nextPost.size(),
                    parts[0] / nextPost.size(), parts[1] / nextPost.size(), parts[2] / nextPost.size());
        }
    }

    /** What the label view's card loader does for a post (LabelCards), timed part by part into {@code parts}. */
    private static void labelViewNextPost(Engine engine, long id, double[] parts) {
        long a = System.nanoTime();
        ThreadOp op = engine.labelling().labelQueue().post(id);
        long b = System.nanoTime();
        engine.labelling().coinsOf(id);
        long c = System.nanoTime();
        engine.scoring().activeModel().get().model().predict(PostInput.of(op, engine.collecting().imagesDir()));
        long d = System.nanoTime();
        parts[0] += (b - a) / 1e6;
        parts[1] += (c - b) / 1e6;
        parts[2] += (d - c) / 1e6;
    }

    private static void generate(Engine engine, int from, int to) {
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        Random r = new Random(1);
        List<ThreadOp> batch = new ArrayList<>(20_000);
        for (int i = from; i < to; i++) {
            String[] w = WORDS[r.nextInt(3)];
            batch.add(new ThreadOp(1 + i, "biz", i % 5 == 0 ? "BTC" : "", null, w[r.nextInt(7)] + " " + w[r.nextInt(7)] + " "
                    + WORDS[r.nextInt(3)][r.nextInt(7)] + " post " + i, "Anonymous", null, t0.plusSeconds(31L * i), r.nextInt(100), 1,
                    null, null, false, false, ThreadOp.Source.WAROSU));
            if (batch.size() == 20_000 || i == to - 1) {
                engine.collecting().storePosts(batch, t0);
                batch.clear();
            }
        }
    }

    /** Samples the heap in use every 50 ms; the peak is what a user's machine must hold. */
    private static final class HeapPeak extends Thread {
        volatile long peak;
        volatile boolean stop;

        HeapPeak() {
            setDaemon(true);
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!stop) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void interrupt() { stop = true; super.interrupt(); }
    }

    private static String percentiles(List<Double> ms) {
        if (ms.isEmpty()) return "no samples";
        List<Double> s = new ArrayList<>(ms);
        s.sort(null);
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", s.get((int) (0.50 * (s.size() - 1))),
                s.get((int) Math.ceil(0.95 * (s.size() - 1))), s.get(s.size() - 1));
    }

    private static String slash(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "/");
    }
}
