package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.store.ThreadOp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench ui}: cold start of the workstation to its first frame (target under 3 s) and next-post latency when
 * labeling by keyboard. Each start is a fresh JVM running {@code ui.bench.WorkstationProbe} on a scratch database
 * seeded here with text posts; the probe is named by string because cli may not depend on ui (ArchitectureTest),
 * and a fresh process is what "cold" means anyway.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Time the workstation's cold start to first frame and its next-post latency (fresh JVMs, scratch database).")
final class BenchUiCommand implements Callable<Integer> {

    static final String PROBE = "com.bizcharts.ui.bench.WorkstationProbe";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    BenchCommand bench;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--starts", defaultValue = "5", description = "cold starts measured (default ${DEFAULT-VALUE})")
    int starts;

    @Option(names = "--keypresses", defaultValue = "200", description = "labels typed for the latency figure (default ${DEFAULT-VALUE})")
    int keypresses;

    @Option(names = "--posts", defaultValue = "2000", description = "posts in the scratch database (default ${DEFAULT-VALUE})")
    int posts;

    @Option(names = "--no-cds", description = "skip the starts with a class-data archive")
    boolean noCds;

    @Option(names = "--toolkit", defaultValue = "headless",
            description = "headless (Monocle, software rendering; works without a display) or desktop (needs a display and GTK 3)")
    String toolkit;

    @Override
    public Integer call() throws Exception {
        if (!toolkit.equals("headless") && !toolkit.equals("desktop")) throw new IllegalArgumentException("--toolkit is headless or desktop");
        if (posts < keypresses + 10) throw new IllegalArgumentException("--posts must exceed --keypresses by at least 10");
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("bizcharts-bench-ui");
        try {
            Path settings = scratch(dir);
            List<JsonNode> plain = new ArrayList<>();
            for (int i = 0; i < starts; i++) plain.add(probe(settings, 0, null, dir.resolve("probe-" + i + ".log")));
            // As ./bizcharts and the app image launch it: a class-data archive written by the first run, used after.
            Path archive = dir.resolve("bizcharts.jsa");
            List<JsonNode> cds = new ArrayList<>();
            if (!noCds) {
                probe(settings, 0, archive, dir.resolve("probe-cds-first.log"));
                for (int i = 0; i < starts; i++) cds.add(probe(settings, 0, archive, dir.resolve("probe-cds-" + i + ".log")));
            }
            JsonNode typed = probe(settings, keypresses, null, dir.resolve("probe-keys.log"));
            double[] latencies = new double[typed.get("next_post_ms").size()];
            for (int i = 0; i < latencies.length; i++) latencies[i] = typed.get("next_post_ms").get(i).asDouble();

            out.printf(Locale.ROOT, "workstation, %s toolkit, scratch database of %d text posts, %d cold starts (fresh JVMs) each way; %d CPUs, load %.1f%n",
                    toolkit, posts, starts, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.println("cold start to first frame (first pulse after the window is shown), medians; target < 3000 ms from JVM start:");
            out.printf(Locale.ROOT, "  %-34s %9s %9s %11s %11s%n", "", "from JVM", "from main", "first post", "CPU (all)");
            row(out, "no class-data archive", plain);
            if (!noCds) row(out, "class-data archive (as launched)", cds);
            out.printf(Locale.ROOT, "  parts, no archive (medians): toolkit start %.0f ms; engine %.0f ms on its own thread, overlapping it; building the window %.0f ms%n",
                    median(plain, "toolkit_ms"), median(plain, "engine_ms"), median(plain, "build_ms"));
            out.printf(Locale.ROOT, "next-post latency, %d keypresses (key event to the end of the pulse showing the next post): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    latencies.length, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 100));
            return 0;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A settings file and database under {@code dir}, seeded with {@code posts} text posts a minute apart. */
    private Path scratch(Path dir) throws IOException {
        Path settings = dir.resolve("settings.toml");
        Path activeModel = bench.root.settings().paths().activeModelPath().toAbsolutePath();
        Files.writeString(settings, """
                [paths]
                database = "%s"
                images = "%s"
                models = "%s"
                active_model = "%s"
                [fourchan]
                api_base = "http://127.0.0.1:9"
                images_base = "http://127.0.0.1:9"
                """.formatted(slashes(dir.resolve("bench.db")), slashes(dir.resolve("images")), slashes(dir.resolve("models")),
                slashes(activeModel)));
        String[] lines = {">be me\n>buy the top\nit's over", "$LINK to 100, wagmi", "what coin for next year?", "BTC dump incoming, sell now",
                "ETH flippening when", "just bought more SOL, feels good", "is it too late for crypto?", "rope hours, down 80%"};
        List<ThreadOp> ops = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < posts; i++) {
            ops.add(new ThreadOp(10_000 + i, "biz", i % 3 == 0 ? "thread " + i : null, null, lines[i % lines.length] + "\npost " + i,
                    "Anonymous", null, t0.plusSeconds(60L * i), i % 40, 1, null, null, false, false, ThreadOp.Source.LIVE));
        }
        try (Engine engine = new Engine(Settings.load(settings, true))) {
            engine.collecting().storePosts(ops, t0.plusSeconds(60L * posts));
        }
        return settings;
    }

    private static void row(PrintWriter out, String name, List<JsonNode> runs) {
        out.printf(Locale.ROOT, "  %-34s %6.0f ms %6.0f ms %8.0f ms %8.0f ms%n", name, median(runs, "jvm_to_frame_ms"),
                median(runs, "main_to_frame_ms"), median(runs, "jvm_to_first_post_ms"), median(runs, "cpu_to_frame_ms"));
    }

    /** @param archive a class-data archive to create or use (null: none) */
    private JsonNode probe(Path settings, int keys, Path archive, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"));
        if (archive != null) cmd.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
        if (toolkit.equals("headless")) {
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                    "-Djava.awt.headless=true"));
        }
        for (String p : new String[]{"javafx.cachedir", "user.home"}) {
            if (System.getProperty(p) != null) cmd.add("-D" + p + "=" + System.getProperty(p));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PROBE, settings.toString(), Integer.toString(keys)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        pb.environment().put("DJL_OFFLINE", "true");
        Process p = pb.start();
        String found = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (line.startsWith("PROBE ")) found = line.substring(6);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        if (found == null) {
            List<String> err = Files.exists(log) ? Files.readAllLines(log) : List.of();
            throw new IllegalStateException("the workstation probe printed no timings (exit " + p.exitValue() + "): "
                    + String.join("\n", err.subList(Math.max(0, err.size() - 15), err.size())));
        }
        return JSON.readTree(found);
    }

    private static String slashes(Path p) {
        return p.toString().replace("\\", "/");
    }

    private static double median(List<JsonNode> runs, String field) {
        return percentile(runs.stream().mapToDouble(r -> r.get(field).asDouble()).toArray(), 50);
    }

    static double percentile(double[] values, int p) {
        if (values.length == 0) return Double.NaN;
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.max(0, Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1))];
    }
}
