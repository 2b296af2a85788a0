package com.bizcharts.remote;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the Python side's own tests (runpod/tests, no GPU or torch needed) as part of the Maven build, so
 * {@code ./mvnw verify} covers both languages. Skipped, with the reason, where python3 or pytest is missing.
 */
class PythonScriptsTest {

    @Test
    void runpodPythonTestsPass() throws Exception {
        assumeTrue(works("python3", "-m", "pytest", "--version"),
                "python3 with pytest not found: install python3-pytest to run runpod/tests");
        Process p = new ProcessBuilder("python3", "-m", "pytest", "runpod/tests", "-q", "-p", "no:cacheprovider")
                .directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("\\d+ passed");
    }

    @Test
    void theScriptsAreBundledForPushing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ScriptBundle.writeTo(dir);
        for (String f : ScriptBundle.FILES) assertThat(dir.resolve(f)).isNotEmptyFile();
        assertThat(java.nio.file.Files.readString(dir.resolve("trainlib.py"))).contains("def progress_line");
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
