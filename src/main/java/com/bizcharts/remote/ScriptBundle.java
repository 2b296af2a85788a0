package com.bizcharts.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The Python side (runpod/ in the repository), bundled in the jar so a run can push it from anywhere. */
public final class ScriptBundle {

    public static final List<String> FILES = List.of("train_vlm.py", "trainlib.py", "export_student.py",
            "studentlib.py", "serve_openai.py", "servelib.py", "requirements.txt");
    private static final String ROOT = "/com/bizcharts/remote/runpod/";

    private ScriptBundle() {}

    public static void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String f : FILES) {
                try (InputStream in = ScriptBundle.class.getResourceAsStream(ROOT + f)) {
                    if (in == null) throw new IllegalStateException("training script missing from the jar: " + f);
                    Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
