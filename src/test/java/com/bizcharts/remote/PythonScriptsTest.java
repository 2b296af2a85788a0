package com.bizcharts.remote;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the Python side's own tests (runpod/tests) as part of the Maven build, so {@code ./mvnw verify} covers both
 * languages. With Debian's python3 the pure tests run and the real-run ones (a tiny random-weight Qwen2.5-VL trained,
 * distilled and served) skip; with the interpreter named by BIZCHARTS_RUNPOD_PYTHON (the virtual environment .ci/run
 * builds with runpod/tests/cpu_venv.sh) all of them run. Skipped, with the reason, where python or pytest is missing.
 */
class PythonScriptsTest {

    @Test
    void runpodPythonTestsPass() throws Exception {
        String python = python();
        assumeTrue(works(python, "-m", "pytest", "--version"),
                python + " with pytest not found: install python3-pytest to run runpod/tests");
        Process p = new ProcessBuilder(python, "-m", "pytest", "runpod/tests", "-q", "-rs", "-p", "no:cacheprovider")
                .directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("\\d+ passed");
    }

    @Test
    void theScriptsAreBundledForPushing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ScriptBundle.writeTo(dir);
        for (String f : ScriptBundle.FILES) assertThat(dir.resolve(f)).isNotEmptyFile();
        assertThat(java.nio.file.Files.readString(dir.resolve("trainlib.py"))).contains("def progress_line");
    }

    private static String python() {
        String venv = System.getenv("BIZCHARTS_RUNPOD_PYTHON");
        return venv == null || venv.isBlank() ? "python3" : venv;
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
