package com.bizcharts.sentiment.onnx;

import com.bizcharts.app.ChildCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs of ONNX models leave nothing in the temp folder: the native libraries live in one cache folder. */
class OnnxNativeFolderTest {

    @TempDir Path dir;

    private void runChild(Path tmp, Path home, String name) throws Exception {
        Path log = dir.resolve(name + ".log");
        Process p = ChildCli.startMain(log, List.of("-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home), OnnxChild.class,
                dir.resolve(name).toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("bullish logit");
    }

    private static List<String> names(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void twoRunsLeaveNoOnnxRuntimeFoldersInTempAndShareOneCacheFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path leftover = Files.createDirectories(tmp.resolve("onnxruntime-java123456"));  // an earlier run's, emptied
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path busy = Files.createDirectories(tmp.resolve("onnxruntime-java777"));        // another process's, in use
        Files.writeString(busy.resolve("libonnxruntime.so"), "loaded");
        Files.setLastModifiedTime(busy, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        runChild(tmp, home, "first");
        assertThat(names(tmp)).as("only the other process's folder is left").containsExactly("onnxruntime-java777");
        Path cache = home.resolve(".cache").resolve("bizcharts");
        assertThat(names(cache)).singleElement().asString().startsWith("onnxruntime-");
        Path natives = cache.resolve(names(cache).getFirst());
        Path jni = natives.resolve(System.mapLibraryName("onnxruntime4j_jni"));
        assertThat(natives.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
        FileTime copied = Files.getLastModifiedTime(jni);

        runChild(tmp, home, "second");
        assertThat(names(tmp)).containsExactly("onnxruntime-java777");
        assertThat(names(cache)).hasSize(1);
        assertThat(Files.getLastModifiedTime(jni)).as("not copied again").isEqualTo(copied);
    }
}
