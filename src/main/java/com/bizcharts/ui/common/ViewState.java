package com.bizcharts.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the window remembers between runs (range, filters, order, theme, size, the last view): a small properties
 * file next to the settings, never the settings file the user edits. Losing it costs only the defaults, so a file
 * that cannot be read or written is logged and the window goes on.
 */
public final class ViewState {

    private static final Logger log = LoggerFactory.getLogger(ViewState.class);

    private final Path file;
    private final Properties values = new Properties();
    /** Writes off the FX thread, coalesced: a burst of changes (an Apply sets seven values) is one write. */
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("window-state").daemon(true).unstarted(r));
    private boolean pending; // guarded by this

    private ViewState(Path file) {
        this.file = file;
    }

    /** The state kept in {@code file}; a missing or unreadable file starts empty. */
    public static ViewState at(Path file) {
        ViewState s = new ViewState(file);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("window state {} unreadable, starting from the defaults: {}", file, e.toString());
                s.values.clear();
            }
        }
        return s;
    }

    /** A state that is not kept anywhere (tests, benchmarks). */
    public static ViewState inMemory() {
        return new ViewState(null);
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(v -> !v.isBlank());
    }

    public boolean flag(String key, boolean otherwise) {
        return get(key).map(Boolean::parseBoolean).orElse(otherwise);
    }

    public double number(String key, double otherwise) {
        try {
            return get(key).map(Double::parseDouble).orElse(otherwise);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Sets a value (null removes it); the file is rewritten soon after, off the caller's thread. */
    public synchronized void put(String key, Object value) {
        if (value == null) values.remove(key);
        else values.setProperty(key, value.toString());
        if (file == null || pending) return;
        pending = true;
        writer.execute(this::save);
    }

    /** Waits (up to 2 s) for the writes asked for so far: the window calls it as it closes. */
    public void flush() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void save() {
        Properties snapshot;
        synchronized (this) {
            pending = false;
            snapshot = (Properties) values.clone();
        }
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".workstation-state", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                snapshot.store(w, "BizCharts Workstation window state (rewritten by the window; not settings)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("could not keep the window state in {}: {}", file, e.toString());
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temp file beside the settings is harmless; the warning above said what went wrong
                }
            }
        }
    }
}
