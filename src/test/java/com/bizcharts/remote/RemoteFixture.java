package com.bizcharts.remote;

import com.bizcharts.store.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Test data: a database with labels, images, a fake "python" that trains like train_vlm.py, and settings. */
public final class RemoteFixture {

    static final long GOLDEN_THREAD = 1005;

    /**
     * Writes the fake interpreter: real progress lines and output files; behaviour from control/mode, and the
     * student it "exports" is a copy of control/student when a test put a real (tiny) one there. As
     * serve_openai.py it says SERVING and idles (the test's own HTTP server plays the model server).
     */
    public static Path fakePython(Path dir, Path control) throws IOException {
        Files.createDirectories(control);
        Path script = dir.resolve("fakepython");
        Files.writeString(script, """
                #!/bin/sh
                script=$(basename "$1"); shift
                out=""
                port=""; model=""
                while [ $# -gt 0 ]; do case "$1" in --output) out="$2"; shift;; --port) port="$2"; shift;;
                  --model-name) model="$2"; shift;; esac; shift; done
                ctl=CONTROL
                mode=$(cat "$ctl/mode" 2>/dev/null || echo ok)
                if [ "$script" = serve_openai.py ]; then
                  echo "INFO loading the base model"
                  if [ "$mode" = serve-fail ]; then echo 'FAILED {"error": "CUDA out of memory"}'; exit 1; fi
                  echo "SERVING {\"host\": \"127.0.0.1\", \"port\": $port, \"model\": \"$model\"}"
                  while [ -d "$ctl" ]; do sleep 0.1; done # until stopped, or the test folder is gone
                elif [ "$script" = train_vlm.py ]; then
                  echo "INFO loading tiny model"
                  for s in 1 2 3 4; do
                    if [ "$mode" = gated ] && [ $s = 3 ]; then while [ ! -f "$ctl/release" ]; do [ -d "$ctl" ] || exit 1; sleep 0.05; done; fi
                    echo "PROGRESS {\\"step\\": $s, \\"total_steps\\": 4, \\"epoch\\": 0.$s, \\"loss\\": 1.$s}"
                    if [ "$mode" = fail ] && [ $s = 2 ]; then echo 'FAILED {"error": "CUDA out of memory"}'; exit 1; fi
                  done
                  mkdir -p "$out"
                  echo '{"r": 16, "lora_alpha": 32}' > "$out/adapter_config.json"
                  head -c 5000 /dev/urandom > "$out/adapter_model.safetensors"
                  echo '{"validation": {"macro_f1": 0.61, "accuracy": 0.66}, "base_model": "tiny-random"}' > "$out/metrics.json"
                  echo 'DONE {"steps": 4}'
                else
                  mkdir -p "$out"
                  if [ -d "$ctl/student" ]; then cp "$ctl/student/"* "$out/"; else
                  head -c 2000 /dev/urandom > "$out/model.onnx"
                  echo '{"model": {"type": "WordLevel"}}' > "$out/tokenizer.json"
                  echo '{"metrics": {"macro_f1": 0.55, "accuracy": 0.6}, "teacher": {"base": "tiny-random"}}' > "$out/metadata.json"
                  fi
                  echo 'DONE {}'
                fi
                """.replace("CONTROL", control.toString()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /**
     * Waits (at most 20 s) until every detached run under the workspace has written its exit code: a fake released
     * in tear-down still writes its outputs, and JUnit cannot delete a folder that is being written into.
     */
    public static void awaitDetachedRuns(Path workspace) throws IOException, InterruptedException {
        Path runs = workspace.resolve("bizcharts/runs");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (Files.isDirectory(runs) && System.nanoTime() < deadline) {
            boolean running;
            try (var dirs = Files.list(runs)) {
                running = dirs.anyMatch(d -> Files.isDirectory(d) && !Files.exists(d.resolve("exit_code")));
            }
            if (!running) return;
            Thread.sleep(50);
        }
    }

    /** Texts whose sentiment the tiny student (and the lexicon) read plainly, by rating 1-3. */
    static final String[][] TEXTS = {{"ngmi, rekt again", "it's over, rekt", "ngmi bags rekt"},
            {"which coin for 2026?", "what is this coin", "coin news today"},
            {"wagmi moon soon", "to the moon, wagmi", "moon mission wagmi"}};

    /** {@code n} more human-labeled posts (ids from 2000), all frozen in the golden set: enough to judge a model. */
    public static void addGolden(Database db, int n) {
        db.writeVoid(ctx -> {
            for (int i = 0; i < n; i++) {
                long id = 2000 + i;
                int rating = i % 3 + 1;
                ctx.execute("INSERT INTO thread_ops (thread_id, subject, op_text_clean, posted_at, source, first_seen_at,"
                        + " last_seen_at) VALUES (?, NULL, ?, '2026-01-01T00:00:00Z', 'live', '2026-01-01T00:00:00Z',"
                        + " '2026-01-01T00:00:00Z')", id, TEXTS[rating - 1][i / 3 % 3]);
                ctx.execute("INSERT INTO training_labels (thread_id, rating, skipped, labeled_at)"
                        + " VALUES (?, ?, 0, '2026-01-02T00:00:00Z')", id, rating);
                ctx.execute("INSERT INTO golden_set (thread_id, added_at) VALUES (?, '2026-01-03T00:00:00Z')", id);
            }
        });
    }

    /** Settings for a loopback RunPod API, with the GPU memory a model needs and what happens to the pod after. */
    public static RemoteSettings settings(Path workspace, Path python, String setup, String runpodBase, double requiredGb,
                                   boolean terminate) {
        return new RemoteSettings(workspace.toString(), "trainer", 22, "unused", "unused", python.toString(), setup,
                "--epochs 1", true, 0.1, 0.8, 10, 0, runpodBase, "runpod/pytorch:2.4.0", "NVIDIA GeForce RTX 4090", 50, 20,
                "bizcharts-", terminate, 6, 30, requiredGb, 8000, 0, 1);
    }

    /** The same settings with 'remote serve' pointed at {@code servePort} on the machine. */
    public static RemoteSettings withServePort(RemoteSettings s, int servePort) {
        return new RemoteSettings(s.workspace(), s.user(), s.port(), s.key(), s.knownHosts(), s.python(), s.setup(),
                s.trainArgs(), s.exportStudent(), s.validationShare(), s.teacherMinConfidence(), s.connectTimeoutSeconds(),
                s.pollSeconds(), s.runpodBaseUrl(), s.runpodImage(), s.runpodGpu(), s.runpodVolumeGb(),
                s.runpodContainerDiskGb(), s.runpodNamePrefix(), s.terminateAfterPull(), s.maxHours(), s.idleMinutes(),
                s.requiredGpuMemoryGb(), servePort, s.serveLocalPort(), s.serveStartMinutes());
    }

    public static RemoteSettings settings(Path workspace, Path python, String setup) {
        return new RemoteSettings(workspace.toString(), "trainer", 22, "unused", "unused", python.toString(), setup,
                "--epochs 1", true, 0.1, 0.8, 10, 0, "http://127.0.0.1:1", "img", "NVIDIA GeForce RTX 4090", 50, 20,
                "bizcharts-", true, 6, 30, 20, 8000, 0, 1);
    }

    /** Twelve human-labeled posts (one frozen in the golden set), three teacher labels (one below 0.8). */
    public static Database seeded(Path dbFile, Path images) throws IOException {
        Database db = Database.open(dbFile);
        Files.createDirectories(images.resolve("2026"));
        db.writeVoid(ctx -> {
            for (long id = 1000; id < 1015; id++) {
                String thumb = id % 2 == 0 ? "2026/" + id + "s.jpg" : null;
                ctx.execute("INSERT INTO thread_ops (thread_id, subject, op_text_clean, posted_at, source, first_seen_at,"
                        + " last_seen_at, thumbnail_path) VALUES (?, ?, ?, '2026-01-01T00:00:00Z', 'live',"
                        + " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?)", id, "thread " + id, "wagmi " + id, thumb);
                if (id < 1012) ctx.execute("INSERT INTO training_labels (thread_id, rating, skipped, labeled_at)"
                        + " VALUES (?, ?, 0, '2026-01-02T00:00:00Z')", id, id % 3 + 1);
            }
            ctx.execute("INSERT INTO golden_set (thread_id, added_at) VALUES (?, '2026-01-03T00:00:00Z')", GOLDEN_THREAD);
            for (long id = 1012; id < 1015; id++) {
                ctx.execute("INSERT INTO teacher_labels (thread_id, provider, model, prompt_version, rating, confidence,"
                        + " labeled_at) VALUES (?, 'openai', 'gpt-4o-mini', 'v1', 3, ?, '2026-01-02T00:00:00Z')",
                        id, id == 1014 ? 0.5 : 0.9);
            }
        });
        for (long id = 1000; id < 1015; id += 2) Files.write(images.resolve("2026/" + id + "s.jpg"), new byte[]{(byte) id, 1, 2});
        return db;
    }
}
