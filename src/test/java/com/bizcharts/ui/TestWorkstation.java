package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An engine for UI tests: database, images and models under a temp folder (trained models never land in the
 * repository's models/), 4chan and Warosu on loopback servers, fast pacing and no backoff waits.
 */
public final class TestWorkstation {

    private TestWorkstation() {}

    public static Engine engine(Path dir, String fourchanBase, String warosuBase) {
        try {
            Files.createDirectories(dir.resolve("images"));
            Path config = dir.resolve("settings.toml");
            Files.writeString(config, """
                    [paths]
                    database = "%s"
                    images = "%s"
                    models = "%s"
                    [fourchan]
                    api_base = "%s"
                    images_base = "%s"
                    min_request_interval_ms = 10
                    download_thumbnails = false
                    [warosu]
                    base = "%s"
                    images_base = "%s"
                    min_request_interval_ms = 10
                    [backoff]
                    initial_ms = 1
                    max_ms = 2
                    max_attempts = 1
                    """.formatted(slashes(dir.resolve("ui.db")), slashes(dir.resolve("images")), slashes(dir.resolve("models")),
                    fourchanBase, fourchanBase, warosuBase, warosuBase));
            return new Engine(Settings.load(config, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slashes(Path p) {
        return p.toString().replace("\\", "/");
    }
}
